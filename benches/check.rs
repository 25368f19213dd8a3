//! Core speed against DESIGN.md's budgets: a 280-character post under 20 us, 3,000 under
//! 150 us, Facebook's 63,206-character maximum under 3 ms, cost linear in length.
//! Run: `cargo bench --bench check` (reports are in target/criterion), or `./build.sh bench`
//! for every benchmark beside its budget (tests/bench/README.md).
//!
//! The inputs live in benches/inputs.json, which the WebAssembly and Chromium benchmarks
//! (tests/bench/) read too, so every layer is measured on the same texts.
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use safepost::{Checker, Config};

mod common;
use common::post;

/// Units repeated into adversarial texts: titles, ages, digits, dashes, emoji, text without
/// spaces, trigger words (the kinds that once cost the square of their length).
const ADVERSARIAL: &[&str] = &[
    "Mr ",
    "34yo woman ",
    "07700 900123 ",
    "- 34 - ",
    "😂🔥 ",
    "a",
    "frequent flyer ",
    "f*ck ",
];

fn bench_check(c: &mut Criterion) {
    let inputs = common::inputs();
    let checker = Checker::new(Config::default()).expect("default config");
    let mut group = c.benchmark_group("check");
    for &len in &inputs.lengths {
        for base in &inputs.bases {
            let text = post(&base.text, len);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(&base.name, len), &text, |b, text| {
                b.iter(|| checker.check(black_box(text)))
            });
        }
    }
    group.finish();
    // Adversarial texts at 16k and 64k characters: cost must stay linear (tests/growth.rs
    // holds the ratio in the test command; this reports the times).
    let mut growth = c.benchmark_group("growth");
    for unit in ADVERSARIAL {
        for len in [16_000, 64_000] {
            let text = post(unit, len);
            growth.throughput(Throughput::Bytes(text.len() as u64));
            let name = unit.trim().replace(' ', "_");
            growth.bench_with_input(BenchmarkId::new(name, len), &text, |b, text| {
                b.iter(|| checker.check(black_box(text)))
            });
        }
    }
    growth.finish();
    c.bench_function("checker_new", |b| {
        b.iter(|| Checker::new(black_box(Config::default())).expect("config"))
    });
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
