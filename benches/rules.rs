//! Each rule's own cost on the 3,000-character risky and safe inputs (benches/inputs.json):
//! where the core's time goes, so speed work starts from the rules that cost most.
//! Run: `cargo bench --bench rules` (add `-- --quick` for a rough run, or a rule id to
//! measure one rule). Reported, never asserted: machines here are shared and noisy.
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use safepost::rules::{self, Context};
use safepost::text::{Document, Lexicon};

mod common;
use common::post;

/// The length of the budget's middle case (DESIGN.md: 3,000 characters under 150 us).
const CHARS: usize = 3000;

fn bench_rules(c: &mut Criterion) {
    let inputs = common::inputs();
    let workplace = Lexicon::local(["St Elsewhere", "Rowan Ward"]);
    // Rules register their phrase lists on first use and the shared index covers them from
    // the next document on (text::lexicon): warm up as a real checker would be.
    let checker = safepost::Checker::new(safepost::Config::default()).expect("default config");
    for base in &inputs.bases {
        checker.check(&post(&base.text, CHARS));
    }
    let mut group = c.benchmark_group("rule");
    for base in &inputs.bases {
        let text = post(&base.text, CHARS);
        // Document::new runs once per check whatever the rules: measured on its own.
        group.bench_with_input(BenchmarkId::new("document", &base.name), &text, |b, t| {
            b.iter(|| Document::new(black_box(t)))
        });
        let doc = Document::new(&text);
        for rule in rules::all() {
            let id = rule.info().id;
            group.bench_function(BenchmarkId::new(id, &base.name), |b| {
                b.iter(|| {
                    // A context per check, as the checker makes: analyses shared between
                    // rules (the encounter scorer) are then measured in each rule that reads
                    // them, an upper bound on that rule's share.
                    let ctx = Context::new(false, &workplace);
                    let mut out = Vec::new();
                    rule.check(black_box(&doc), &ctx, &mut out);
                    out
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_rules);
criterion_main!(benches);
