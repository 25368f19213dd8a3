//! Recall per category and false alarms on safe posts must not fall below the floors recorded
//! in tests/corpus/floors.json, for each of the three sets: train (tuned on), sealed (written
//! by helpers who never saw the rules or the training posts; read only as figures) and real
//! (posts by clinicians quoted word for word in public sources). Floors are raised as
//! detection improves, never lowered.
use safepost::eval::{evaluate, load_corpus, Evaluation};
use safepost::{Category, Checker, Config};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Floors {
    #[serde(default)]
    recall: BTreeMap<String, f64>,
    /// Lowest allowed share of risky posts with a medium-or-higher finding.
    #[serde(default)]
    risky_medium_rate_min: f64,
    /// Highest allowed share of safe posts with a medium-or-higher finding.
    safe_medium_rate_max: f64,
    safe_critical_max: usize,
}

fn failures(set: &str, eval: &Evaluation, floors: &Floors) -> Vec<String> {
    let mut out = Vec::new();
    for category in Category::ALL {
        let counts = eval
            .per_category
            .get(&category)
            .copied()
            .unwrap_or_default();
        if let Some(&floor) = floors.recall.get(category.id()) {
            if counts.recall() < floor {
                out.push(format!(
                    "{set} {category}: recall {:.3} < floor {floor}",
                    counts.recall()
                ));
            }
        }
    }
    if eval.risky_medium_rate() < floors.risky_medium_rate_min {
        out.push(format!(
            "{set}: risky posts with medium+ {:.3} < {}",
            eval.risky_medium_rate(),
            floors.risky_medium_rate_min
        ));
    }
    if eval.safe_medium_rate() > floors.safe_medium_rate_max {
        out.push(format!(
            "{set}: safe posts with medium+ {:.3} > {}",
            eval.safe_medium_rate(),
            floors.safe_medium_rate_max
        ));
    }
    if eval.safe_with_critical > floors.safe_critical_max {
        out.push(format!(
            "{set}: {} safe posts with a critical > {}",
            eval.safe_with_critical, floors.safe_critical_max
        ));
    }
    out
}

#[test]
fn every_set_meets_its_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let floors: BTreeMap<String, Floors> = serde_json::from_str(
        &std::fs::read_to_string(root.join("floors.json")).expect("floors.json"),
    )
    .expect("floors.json parses");
    let checker = Checker::new(Config::default()).unwrap();
    let mut all = Vec::new();
    for set in ["train", "sealed", "real"] {
        let samples = load_corpus(&root.join(set)).expect("corpus loads");
        assert!(!samples.is_empty(), "no posts in tests/corpus/{set}");
        let eval = evaluate(&checker, &samples);
        let floors = floors
            .get(set)
            .unwrap_or_else(|| panic!("floors.json has no {set}"));
        all.extend(failures(set, &eval, floors));
        if set == "train" {
            println!("{}", eval.table());
        }
    }
    assert!(all.is_empty(), "below floors:\n{}", all.join("\n"));
}

/// Every real post names the public page that quotes it.
#[test]
fn real_posts_keep_their_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/real");
    for sample in load_corpus(&root).expect("real posts load") {
        let source = sample.source.as_deref().unwrap_or("");
        assert!(
            source.starts_with("http"),
            "{} has no source URL",
            sample.origin
        );
    }
}
