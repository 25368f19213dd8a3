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
    c.bench_function("checker_new", |b| {
        b.iter(|| Checker::new(black_box(Config::default())).expect("config"))
    });
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
