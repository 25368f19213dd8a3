//! Measures the rules against the labelled corpus in tests/corpus/: post-level precision and
//! recall per category, and how often safe posts draw a warning. Used by `safepost eval` and
//! by the corpus test, which fails when a category falls below its recorded floor.
use crate::report::{Category, Severity};
use crate::Checker;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// One labelled post. `expect` lists every category a careful reviewer would flag.
#[derive(Debug, Clone, Deserialize)]
pub struct Sample {
    pub text: String,
    #[serde(default)]
    pub platform: String,
    pub expect: Vec<Category>,
    /// The post carries an image or video.
    #[serde(default)]
    pub media: bool,
    /// A safe post written to share words with a risky kind.
    #[serde(default)]
    pub near_miss: bool,
    /// For real posts: the public page that quotes it.
    #[serde(default)]
    pub source: Option<String>,
    /// Where it came from: "file.jsonl:line", filled in by the loader.
    #[serde(skip)]
    pub origin: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    pub per_category: BTreeMap<Category, Counts>,
    pub posts: usize,
    pub safe_posts: usize,
    /// Safe posts (expect = []) with any finding of medium or above.
    pub safe_with_medium: usize,
    pub safe_with_critical: usize,
    /// Safe posts with any finding at all, advisory (low) notes included.
    pub safe_with_any: usize,
    /// Posts with at least one expected category, and those given a medium-or-higher finding.
    pub risky_posts: usize,
    pub risky_with_medium: usize,
    /// Human-readable lines for each miss and false alarm, for tuning.
    pub mistakes: Vec<String>,
}

impl Evaluation {
    pub fn safe_medium_rate(&self) -> f64 {
        if self.safe_posts == 0 {
            0.0
        } else {
            self.safe_with_medium as f64 / self.safe_posts as f64
        }
    }

    /// Share of risky posts given a medium-or-higher finding.
    pub fn risky_medium_rate(&self) -> f64 {
        ratio(self.risky_with_medium, self.risky_posts)
    }

    /// The table of one set.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<22} {:>5} {:>5} {:>5} {:>9} {:>7}",
            "category", "TP", "FP", "FN", "precision", "recall"
        );
        for category in Category::ALL {
            let c = self
                .per_category
                .get(&category)
                .copied()
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{:<22} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}",
                category.id(),
                c.true_pos,
                c.false_pos,
                c.false_neg,
                c.precision(),
                c.recall()
            );
        }
        let _ = writeln!(
            out,
            "posts: {}; safe posts: {}; safe with a medium-or-higher finding: {} ({:.1}%); safe with a critical: {}",
            self.posts,
            self.safe_posts,
            self.safe_with_medium,
            100.0 * self.safe_medium_rate(),
            self.safe_with_critical
        );
        out
    }
}

/// Recall per category of several sets side by side (train, sealed, real), the gap between
/// the first two, then each set's share of safe and risky posts with a medium-or-higher
/// finding. Only figures: sealed posts are never listed one by one.
pub fn side_by_side(sets: &[(&str, &Evaluation)]) -> String {
    let mut out = String::new();
    let _ = write!(out, "{:<22}", "recall");
    for (name, _) in sets {
        let _ = write!(out, " {name:>13}");
    }
    let gap = sets.len() >= 2;
    if gap {
        let _ = write!(out, " {:>9}", "gap 1-2");
    }
    let _ = writeln!(out);
    for category in Category::ALL {
        let _ = write!(out, "{:<22}", category.id());
        let mut recalls = Vec::new();
        for (_, e) in sets {
            let c = e.per_category.get(&category).copied().unwrap_or_default();
            let n = c.true_pos + c.false_neg;
            recalls.push((n > 0).then(|| c.recall()));
            match n {
                0 => {
                    let _ = write!(out, " {:>13}", "-");
                }
                _ => {
                    let _ = write!(out, " {:>6.3} ({:>4})", c.recall(), n);
                }
            }
        }
        if gap {
            match (recalls[0], recalls[1]) {
                (Some(a), Some(b)) => {
                    let _ = write!(out, " {:>9.3}", a - b);
                }
                _ => {
                    let _ = write!(out, " {:>9}", "-");
                }
            }
        }
        let _ = writeln!(out);
    }
    let _ = write!(out, "{:<22}", "precision (all cats)");
    for (_, e) in sets {
        let (tp, fp) = e
            .per_category
            .values()
            .fold((0, 0), |(tp, fp), c| (tp + c.true_pos, fp + c.false_pos));
        let _ = write!(out, " {:>13.3}", ratio(tp, tp + fp));
    }
    let _ = writeln!(out);
    type Row = (&'static str, fn(&Evaluation) -> String);
    let rows: [Row; 5] = [
        ("risky with medium+", |e| {
            format!("{:.3} ({})", e.risky_medium_rate(), e.risky_posts)
        }),
        ("safe with medium+", |e| {
            format!("{:.3} ({})", e.safe_medium_rate(), e.safe_posts)
        }),
        ("safe with a critical", |e| e.safe_with_critical.to_string()),
        ("safe with any note", |e| {
            format!("{:.3}", ratio(e.safe_with_any, e.safe_posts))
        }),
        ("posts", |e| e.posts.to_string()),
    ];
    for (label, f) in rows {
        let _ = write!(out, "{label:<22}");
        for (_, e) in sets {
            let _ = write!(out, " {:>13}", f(e));
        }
        let _ = writeln!(out);
    }
    out
}

/// Reads every `*.jsonl` file in `dir` (sorted by name). Blank lines are skipped; a line that
/// is not a valid sample is an error naming the file and line.
pub fn load_corpus(dir: &Path) -> Result<Vec<Sample>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read corpus folder {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut samples = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let mut sample: Sample = serde_json::from_str(line)
                .map_err(|e| format!("{name}:{}: not a valid sample: {e}", i + 1))?;
            sample.origin = format!("{name}:{}", i + 1);
            samples.push(sample);
        }
    }
    Ok(samples)
}

/// Checks every sample and counts, per category, whether the post was flagged with it.
pub fn evaluate(checker: &Checker, samples: &[Sample]) -> Evaluation {
    let mut eval = Evaluation {
        posts: samples.len(),
        ..Evaluation::default()
    };
    for sample in samples {
        let report = checker.check_with(
            &sample.text,
            &crate::CheckOptions {
                media_attached: sample.media,
            },
        );
        for category in Category::ALL {
            let found = report.has_category(category);
            let expected = sample.expect.contains(&category);
            let counts = eval.per_category.entry(category).or_default();
            match (expected, found) {
                (true, true) => counts.true_pos += 1,
                (false, true) => {
                    counts.false_pos += 1;
                    let what: Vec<_> = report
                        .findings
                        .iter()
                        .filter(|f| f.category == category)
                        .map(|f| format!("{} {:?} ({})", f.rule, f.text, f.severity))
                        .collect();
                    eval.mistakes.push(format!(
                        "false alarm {category} at {}: {}",
                        sample.origin,
                        what.join("; ")
                    ));
                }
                (true, false) => {
                    counts.false_neg += 1;
                    eval.mistakes.push(format!(
                        "missed {category} at {}: {:?}",
                        sample.origin,
                        sample.text.chars().take(120).collect::<String>()
                    ));
                }
                (false, false) => {}
            }
        }
        if !sample.expect.is_empty() {
            eval.risky_posts += 1;
            if report.count_at_least(Severity::Medium) > 0 {
                eval.risky_with_medium += 1;
            }
        }
        if sample.expect.is_empty() {
            eval.safe_posts += 1;
            if !report.findings.is_empty() {
                eval.safe_with_any += 1;
            }
            if report.count_at_least(Severity::Medium) > 0 {
                eval.safe_with_medium += 1;
            }
            if report.count_at_least(Severity::Critical) > 0 {
                eval.safe_with_critical += 1;
            }
        }
    }
    eval
}
