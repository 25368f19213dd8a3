//! A check's cost grows linearly with the text, adversarial texts included (issue: "Mr "
//! repeated once took minutes at 1 MB). Speeds differ between machines, so this compares two
//! sizes 8x apart in one process: linear work takes about 8x as long, quadratic work 64x.
//! The bound (24x) leaves room for a busy machine; each size takes the fastest of 5 runs.
use safepost::{Checker, Config};
use std::time::{Duration, Instant};

/// Repeated units that once made rules rescan whole sentences per candidate, and others that
/// stress each kind of rule: titles, ages, digits, dashes, emoji, text without spaces,
/// trigger words.
const UNITS: &[&str] = &[
    "Mr ",
    "Dr Smith ",
    "34yo woman ",
    "07700 900123 ",
    "frequent flyer ",
    "1234 ",
    "- 34 - ",
    "😂🔥 ",
    "a",
    "patient ",
    "bed 4 ",
    "today a ",
    "HOW DARE ",
    "drunk ",
    "code 1234 ",
    "as a nurse ",
    "@x ",
    "night shift ",
    "f*ck ",
    "vaccine ",
    "Botox £99 ",
];

fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn fastest(checker: &Checker, text: &str) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(checker.check(text));
            t.elapsed()
        })
        .min()
        .unwrap()
}

#[test]
fn cost_grows_linearly_with_length() {
    let checker = Checker::new(Config::default()).unwrap();
    let mut failures = Vec::new();
    for unit in UNITS {
        let small = repeat_to(unit, 8_000);
        let large = repeat_to(unit, 64_000);
        checker.check(&small); // compile lazily built patterns outside the timing
        let (a, b) = (fastest(&checker, &small), fastest(&checker, &large));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
        println!("{unit:?}: 8k {a:?}, 64k {b:?}, ratio {ratio:.1}");
        if ratio > 24.0 {
            failures.push(format!("{unit:?}: 64k took {ratio:.1}x as long as 8k"));
        }
    }
    assert!(failures.is_empty(), "superlinear: {failures:?}");
}
