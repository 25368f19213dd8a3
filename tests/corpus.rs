//! Precision and recall on the labelled corpus must not fall below the recorded floors
//! (tests/corpus/floors.json). Floors are raised as the rules improve, never lowered.
use safepost::eval::{evaluate, load_corpus};
use safepost::{Category, Checker, Config};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(serde::Deserialize)]
struct Floors {
    recall: BTreeMap<String, f64>,
    precision: BTreeMap<String, f64>,
    /// Highest allowed share of safe posts with a medium-or-higher finding.
    safe_medium_rate_max: f64,
    safe_critical_max: usize,
}

#[test]
fn corpus_meets_its_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let samples = load_corpus(&dir).expect("corpus loads");
    let floors: Floors = serde_json::from_str(
        &std::fs::read_to_string(dir.join("floors.json")).expect("floors.json"),
    )
    .expect("floors.json parses");
    let eval = evaluate(&Checker::new(Config::default()).unwrap(), &samples);
    println!("{}", eval.table());
    let mut failures = Vec::new();
    for category in Category::ALL {
        let counts = eval
            .per_category
            .get(&category)
            .copied()
            .unwrap_or_default();
        let id = category.id();
        if let Some(&floor) = floors.recall.get(id) {
            if counts.recall() < floor {
                failures.push(format!(
                    "{id}: recall {:.3} < floor {floor}",
                    counts.recall()
                ));
            }
        }
        if let Some(&floor) = floors.precision.get(id) {
            if counts.precision() < floor {
                failures.push(format!(
                    "{id}: precision {:.3} < floor {floor}",
                    counts.precision()
                ));
            }
        }
    }
    if eval.safe_medium_rate() > floors.safe_medium_rate_max {
        failures.push(format!(
            "safe posts with medium+: {:.3} > {}",
            eval.safe_medium_rate(),
            floors.safe_medium_rate_max
        ));
    }
    if eval.safe_with_critical > floors.safe_critical_max {
        failures.push(format!(
            "safe posts with a critical: {}",
            eval.safe_with_critical
        ));
    }
    if !failures.is_empty() {
        for m in &eval.mistakes {
            println!("{m}");
        }
        panic!("corpus below floors:\n{}", failures.join("\n"));
    }
}
