//! Runs the rules over a text and turns their hits into findings the user can act on.
use crate::config::{Config, ConfigError};
use crate::model;
use crate::report::{Category, Finding, Report};
use crate::rulebook::guidance;
use crate::rules::{self, Context, Hit, Rule};
use crate::text::{utf16_offsets, Document, Lexicon};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// Per-check facts that are not in the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// An image or video is attached to the post.
    pub media_attached: bool,
}

/// One post as training reads it (see [`Checker::features`]).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TrainingRow {
    pub windows: Vec<Vec<u32>>,
    pub rules: Vec<(&'static str, crate::Category, crate::Severity)>,
}

/// A configured checker. Building one compiles nothing per call; `check` is cheap to call on
/// every keystroke.
pub struct Checker {
    config: Config,
    /// Every rule, those the user turned off included: what they find still informs the
    /// model and stands in for its finding in that category, so turning a rule off removes
    /// its underline instead of handing it to the model.
    rules: Vec<Box<dyn Rule>>,
    workplace: Lexicon,
    ignored: HashSet<String>,
}

impl Checker {
    pub fn new(config: Config) -> Result<Checker, ConfigError> {
        config.validate()?;
        let rules = rules::all();
        let workplace = Lexicon::local(config.workplace_terms.iter().map(|t| t.trim()));
        let ignored = config
            .ignored_hashes
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        Ok(Checker {
            config,
            rules,
            workplace,
            ignored,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn check(&self, text: &str) -> Report {
        self.check_with(text, &CheckOptions::default())
    }

    /// Every rule's hits, each with the id of the rule that made it.
    fn rule_hits(&self, doc: &Document, ctx: &Context) -> Vec<(&'static str, Hit)> {
        let mut hits = Vec::new();
        // Which rule made each hit: hits[i] came from rule_of_hit[i].
        let mut rule_of_hit: Vec<&'static str> = Vec::new();
        for rule in &self.rules {
            rule.check(doc, ctx, &mut hits);
            rule_of_hit.resize(hits.len(), rule.info().id);
        }
        rule_of_hit.into_iter().zip(hits).collect()
    }

    /// What the classifier reads for `text`, for training (`safepost features`): the
    /// feature buckets of each window (the whole post first), and what each rule found
    /// (rule id, category, severity) before the model weighed in.
    pub fn features(&self, text: &str, options: &CheckOptions) -> TrainingRow {
        let doc = Document::new(text);
        let ctx = Context::new(options.media_attached, &self.workplace);
        let hits = self.rule_hits(&doc, &ctx);
        let windows =
            model::featurise(&doc, &fired(&hits), options.media_attached).window_buckets();
        let rules = hits
            .iter()
            .map(|(id, h)| (*id, h.category, h.severity))
            .collect();
        TrainingRow { windows, rules }
    }

    pub fn check_with(&self, text: &str, options: &CheckOptions) -> Report {
        let doc = Document::new(text);
        let ctx = Context::new(options.media_attached, &self.workplace);
        let rule_hits = self.rule_hits(&doc, &ctx);
        let features = model::featurise(&doc, &fired(&rule_hits), options.media_attached);
        let learned = model::SHIPPED.classify(&doc, &features);
        let mut tagged = combine(&doc, rule_hits, learned);
        tagged.retain(|(rule, h)| {
            !self.config.disabled_rules.iter().any(|id| id == rule)
                && h.span.start < h.span.end
                && h.span.end <= text.len()
                && text.is_char_boundary(h.span.start)
                && text.is_char_boundary(h.span.end)
                && h.severity >= self.config.min_severity
                && self.config.category_enabled(h.category)
        });
        let tagged = strongest_per_overlap(tagged);
        let tagged: Vec<_> = tagged
            .into_iter()
            .filter(|(_, h)| !self.is_ignored(&text[h.span.clone()]))
            .collect();

        let bytes: Vec<usize> = tagged
            .iter()
            .flat_map(|(_, h)| [h.span.start, h.span.end])
            .collect();
        let units = utf16_offsets(text, &bytes);
        let findings = tagged
            .into_iter()
            .enumerate()
            .map(|(i, (rule, hit))| Finding {
                rule: rule.into(),
                category: hit.category,
                severity: hit.severity,
                start: units[2 * i],
                end: units[2 * i + 1],
                byte_start: hit.span.start,
                byte_end: hit.span.end,
                text: text[hit.span.clone()].to_string(),
                message: hit.message,
                guidance: guidance::for_finding(self.config.profession, hit.category),
                suggestion: hit.suggestion,
            })
            .collect();
        Report { findings }
    }

    /// One slice of the start-up work that would otherwise fall on the first check: compiling
    /// the rules' patterns and word lists. Step `n` runs the n-th rule over a short text that
    /// reaches most of them; the step after the last rule folds every list registered so far
    /// into the shared phrase index and loads the classifier's weights. Returns false once
    /// there is nothing left, so a caller can run steps in idle time
    /// (`while checker.warm_up_step(n) { n += 1 }`, a few per slice).
    pub fn warm_up_step(&self, step: usize) -> bool {
        if let Some(rule) = self.rules.get(step) {
            let doc = Document::new(WARM_UP_TEXT);
            let ctx = Context::new(true, &self.workplace);
            rule.check(&doc, &ctx, &mut Vec::new());
            true
        } else if step == self.rules.len() {
            crate::text::compile_phrase_index();
            std::sync::LazyLock::force(&model::SHIPPED);
            true
        } else {
            false
        }
    }

    fn is_ignored(&self, phrase: &str) -> bool {
        !self.ignored.is_empty()
            && self
                .ignored
                .contains(&phrase_hash(&self.config.ignore_salt, phrase))
    }
}

/// Where each rule fired, as the classifier reads it.
fn fired(hits: &[(&'static str, Hit)]) -> Vec<(&'static str, usize)> {
    hits.iter().map(|(id, h)| (*id, h.span.start)).collect()
}

/// The model's findings join the rules'. A word-list rule's severity follows the model's
/// reading of its category (see [`model::rule_severity`]). Where a rule already found the
/// category, its narrower span and specific message stand; elsewhere the model's finding
/// underlines the sentence that carried its score and names the words that weighed most.
fn combine(
    doc: &Document,
    mut tagged: Vec<(&'static str, Hit)>,
    learned: model::Assessment,
) -> Vec<(&'static str, Hit)> {
    let patient = [Category::PatientIdentifier, Category::ClinicalEncounter]
        .iter()
        .any(|&c| learned.levels[c as usize] >= model::Level::Nudge);
    for (rule, hit) in tagged.iter_mut() {
        let level = learned.levels[hit.category as usize];
        hit.severity = model::rule_severity(rule, hit.severity, level, patient);
    }
    for m in learned.hits {
        if tagged.iter().any(|(_, h)| h.category == m.category) {
            continue;
        }
        let info = model::rule_info(m.category);
        let span = trim(doc.text, m.span.clone());
        let cues: Vec<String> = m
            .cues
            .iter()
            .map(|c| format!("\u{201c}{}\u{201d}", &doc.text[c.clone()]))
            .collect();
        let message = if cues.is_empty() {
            format!("{}.", m.category.reads_as())
        } else {
            format!(
                "{} (what weighed most: {}).",
                m.category.reads_as(),
                cues.join(", ")
            )
        };
        let severity = model::severity(m.category, m.level);
        tagged.push((info.id, Hit::new(info, span, severity, message)));
    }
    tagged
}

/// `span` without the white space at its ends.
fn trim(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let inner = &text[span.clone()];
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.end - (inner.len() - inner.trim_end().len());
    start..end.max(start)
}

/// A text that walks most rules through most of their patterns and lists when warming up.
const WARM_UP_TEXT: &str = "Today a 34yo teacher came in to resus with Mr Khan in bed 12, ward 4. \
NHS no 943 476 5919, DOB 01/02/1980, SW1A 1AA, 07700 900123, jo@example.com. \
Selfie with my favourite patient, x-ray of the day. Frequent flyer back again! \
As a nurse I can tell you the vaccine changes your DNA. Botox £99, guaranteed, code DRJO20. \
Still drunk on the ward, door code 1234. Our useless reg is a f*cking idiot. HOW DARE THEY. \
Dr Smith is a fraud; she's obviously guilty. Add me on Insta. Double your sertraline. \
Full PDF of the BMJ paper attached. Those people should go back home.";

/// Within one category, overlapping hits are one finding: keep the most severe (then the
/// longest). Different categories may overlap: each says something different. The result is
/// sorted by start, most severe first at equal starts.
fn strongest_per_overlap(mut tagged: Vec<(&'static str, Hit)>) -> Vec<(&'static str, Hit)> {
    tagged.sort_by(|(_, a), (_, b)| {
        (a.category, a.span.start, std::cmp::Reverse(a.severity)).cmp(&(
            b.category,
            b.span.start,
            std::cmp::Reverse(b.severity),
        ))
    });
    let mut out: Vec<(&'static str, Hit)> = Vec::with_capacity(tagged.len());
    for (rule, hit) in tagged {
        if let Some((kept_rule, kept)) = out.last_mut() {
            if kept.category == hit.category && hit.span.start < kept.span.end {
                let better = (hit.severity, hit.span.len()) > (kept.severity, kept.span.len());
                if better {
                    *kept_rule = rule;
                    *kept = hit;
                }
                continue;
            }
        }
        out.push((rule, hit));
    }
    out.sort_by(|(_, a), (_, b)| {
        (a.span.start, std::cmp::Reverse(a.severity), a.category).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.severity),
            b.category,
        ))
    });
    out
}

/// The hash stored for "always ignore this phrase": the phrase itself may be a patient's name,
/// so only a salted hash is kept. Case and white space do not matter.
pub fn phrase_hash(salt: &str, phrase: &str) -> String {
    let normalised = phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut hasher = Sha256::new();
    hasher.update(salt.as_bytes());
    hasher.update([0x1f]);
    hasher.update(normalised.as_bytes());
    hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Severity;

    fn checker() -> Checker {
        Checker::new(Config::default()).unwrap()
    }

    #[test]
    fn warm_up_runs_every_step_then_stops_and_changes_no_result() {
        let checker = checker();
        let text = "Mr Khan in bed 12 tonight, drunk again";
        let before = checker.check(text);
        let mut steps = 0;
        while checker.warm_up_step(steps) {
            steps += 1;
        }
        assert_eq!(steps, checker.rules.len() + 1);
        assert!(!checker.warm_up_step(steps + 5));
        assert_eq!(checker.check(text), before);
    }

    #[test]
    fn empty_text_has_no_findings() {
        assert!(checker().check("").findings.is_empty());
    }

    #[test]
    fn phrase_hash_ignores_case_and_spacing() {
        assert_eq!(phrase_hash("s", "Mr  Khan"), phrase_hash("s", "mr khan"));
        assert_ne!(phrase_hash("s", "Mr Khan"), phrase_hash("t", "Mr Khan"));
        assert_eq!(phrase_hash("s", "x").len(), 16);
    }

    #[test]
    fn ignored_phrases_are_dropped() {
        let text = "NHS no 943 476 5919 please";
        let found = checker().check(text);
        let phrase = &found.findings[0].text;
        let config = Config {
            ignore_salt: "salt".into(),
            ignored_hashes: vec![phrase_hash("salt", phrase)],
            ..Config::default()
        };
        let after = Checker::new(config).unwrap().check(text);
        assert!(after.findings.iter().all(|f| &f.text != phrase));
    }

    #[test]
    fn disabled_categories_rules_and_min_severity_filter() {
        let text = "NHS no 943 476 5919 please";
        let off = Config {
            enabled_categories: Some(vec![Category::Copyright]),
            ..Config::default()
        };
        assert!(Checker::new(off).unwrap().check(text).findings.is_empty());
        let rule_off = Config {
            disabled_rules: vec!["nhs-number".into()],
            ..Config::default()
        };
        let without_rule = Checker::new(rule_off).unwrap().check(text);
        assert!(without_rule.findings.iter().all(|f| f.rule != "nhs-number"));
        let strict = Config {
            min_severity: Severity::Critical,
            ..Config::default()
        };
        assert!(Checker::new(strict)
            .unwrap()
            .check(text)
            .findings
            .iter()
            .all(|f| f.severity == Severity::Critical));
    }

    #[test]
    fn bad_config_is_a_clear_error() {
        let err = Checker::new(Config {
            ignored_hashes: vec!["nothex".into()],
            ..Config::default()
        })
        .err()
        .unwrap();
        assert!(err.to_string().contains("16 hexadecimal"));
        let err = Config::from_json(r#"{"profession": "astronaut"}"#).unwrap_err();
        assert!(err.to_string().contains("astronaut"), "{err}");
    }

    #[test]
    fn overlapping_hits_in_one_category_become_one_finding() {
        let info = &crate::rules::RuleInfo {
            id: "t",
            category: Category::PatientIdentifier,
            flags: &[],
            passes: &[],
        };
        let hits = vec![
            ("a", Hit::new(info, 0..5, Severity::High, "a")),
            ("b", Hit::new(info, 3..9, Severity::Critical, "b")),
            ("c", Hit::new(info, 20..25, Severity::Low, "c")),
        ];
        let kept = strongest_per_overlap(hits);
        assert_eq!(
            kept.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            vec!["b", "c"]
        );
    }
}
