//! Core speed against DESIGN.md's budgets: a 280-character post under 20 us, 3,000 under
//! 150 us, Facebook's 63,206-character maximum under 3 ms, cost linear in length.
//! Run: `cargo bench --bench check` (reports are in target/criterion).
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use safepost::{Checker, Config};

/// Realistic mixed text: ordinary professional posting with a few risky sentences.
const RISKY: &str = "Long night in resus. RIP Mr Khan in bed 12, you were a legend. \
Today a 34yo teacher came in with a fractured penis \u{1f602} Frequent flyer back again, shock. \
NHS no 943 476 5919, anyone recognise this rash? Still drunk, on the ward in 20 mins. ";
const SAFE: &str = "My patient education leaflet on inhalers is live - feedback welcome. \
A patient once taught me to always ask about carers. Analgesia ladder refresher for our \
students. Great turnout at Scunthorpe General and Penistone practice today! Night shift done. ";

/// `base` repeated and cut to exactly `chars` characters.
fn post(base: &str, chars: usize) -> String {
    base.chars().cycle().take(chars).collect()
}

fn bench_check(c: &mut Criterion) {
    let checker = Checker::new(Config::default()).expect("default config");
    let mut group = c.benchmark_group("check");
    for &len in &[280usize, 3_000, 25_000, 63_206] {
        for (kind, base) in [("risky", RISKY), ("safe", SAFE)] {
            let text = post(base, len);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(kind, len), &text, |b, text| {
                b.iter(|| checker.check(black_box(text)))
            });
        }
    }
    group.finish();
    c.bench_function("checker_new", |b| {
        b.iter(|| Checker::new(black_box(Config::default())).expect("config"))
    });
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
