//! The learned classifier: one logistic model per category over hashed features
//! ([`features`]), trained by `./build.sh train` (scripts/train.py, scikit-learn) on the
//! labelled posts and stored in `weights.bin`.
//!
//! A post is scored as a whole and in windows of three sentences (a risky line in a long post
//! is not diluted by the rest); a category whose best score passes its threshold becomes a
//! finding on the sentence that carried the score. Thresholds were chosen on held-out
//! predictions for a fixed false-alarm rate on safe posts (see scripts/train.py).
pub mod features;

use crate::report::{Category, Severity};
use crate::rules::RuleInfo;
use crate::text::Document;
use features::{is_negation, media_feature, rule_feature, token_features, tokens, Token, BUCKETS};
use std::ops::Range;
use std::sync::LazyLock;

const CATEGORIES: usize = Category::ALL.len();
const MAGIC: &[u8; 4] = b"SPM1";

/// Per-category parameters of the model file.
#[derive(Debug, Clone, Copy)]
struct Head {
    /// Weight units per stored step (weights are stored as i8).
    scale: f32,
    bias: f32,
    /// Margin thresholds of the [`Level`]s, in increasing order.
    nudge: f32,
    flag: f32,
    confident: f32,
}

/// The trained model, read from `weights.bin`.
pub struct Classifier {
    heads: [Head; CATEGORIES],
    /// `weights[bucket * CATEGORIES + category]`.
    weights: Vec<i8>,
}

/// The model the core ships with.
pub static SHIPPED: LazyLock<Classifier> = LazyLock::new(|| {
    Classifier::from_bytes(include_bytes!("weights.bin")).expect("weights.bin is a valid model")
});

/// How strongly the model reads a category in a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Below,
    /// Worth an advisory (low) note.
    Nudge,
    /// A finding at the category's severity.
    Flag,
    /// A finding the model is sure of.
    Confident,
}

/// The model's reading of a post: a level per category, and its findings.
pub struct Assessment {
    pub levels: [Level; CATEGORIES],
    pub hits: Vec<ModelHit>,
}

/// A category the model found, with where and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelHit {
    pub category: Category,
    /// The best window's score (log-odds).
    pub margin: f32,
    pub level: Level,
    /// The sentence that carried the score.
    pub span: Range<usize>,
    /// The words in it that weighed most towards the category, strongest first.
    pub cues: Vec<Range<usize>>,
}

/// Features of one check, per sentence: what training writes out and what scoring sums.
pub struct Featurised {
    pub tokens: Vec<Token>,
    /// `sentence_of[t]`: the sentence of token `t` (in order: a sentence's tokens are
    /// contiguous).
    pub sentence_of: Vec<usize>,
    /// `negated[t]`: token `t` is within reach of a negation before it in its sentence.
    pub negated: Vec<bool>,
    /// Buckets of each sentence's features (with repeats).
    pub per_sentence: Vec<Vec<u32>>,
    /// Buckets that belong to every window (an attached image).
    pub global: Vec<u32>,
}

impl Featurised {
    /// The feature buckets of each window of [`windows`], the whole post first: what
    /// training fits.
    pub fn window_buckets(&self) -> Vec<Vec<u32>> {
        windows(self.per_sentence.len())
            .into_iter()
            .map(|w| {
                let mut v = self.global.clone();
                for s in w {
                    v.extend(&self.per_sentence[s]);
                }
                v
            })
            .collect()
    }
}

/// Sentence ranges scored together: the whole post first, then every run of three.
pub fn windows(sentences: usize) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(sentences.saturating_sub(1));
    out.push(0..sentences);
    if sentences > 3 {
        out.extend((0..sentences - 2).map(|i| i..i + 3));
    }
    out
}

/// The features of `doc`, given which rules fired and where (rule id, byte offset).
pub fn featurise(doc: &Document, rule_hits: &[(&str, usize)], media: bool) -> Featurised {
    let sentences = doc.sentences();
    let n = sentences.len().max(1);
    let mut per_sentence = vec![Vec::new(); n];
    let tokens = tokens(doc.text);
    let mut sentence_of = Vec::with_capacity(tokens.len());
    let mut negated = Vec::with_capacity(tokens.len());
    let mut s = 0;
    let mut previous: Option<usize> = None;
    let mut negation_left = 0;
    for (i, token) in tokens.iter().enumerate() {
        let before = s;
        while s + 1 < sentences.len() && token.span.start >= sentences[s + 1].start {
            s += 1;
        }
        if s != before {
            previous = None;
            negation_left = 0;
        }
        sentence_of.push(s);
        negated.push(negation_left > 0);
        let sink = &mut per_sentence[s];
        token_features(
            doc.text,
            token,
            previous.map(|p| &tokens[p]),
            negation_left > 0,
            &mut |b| sink.push(b),
        );
        negation_left = if is_negation(token) {
            features::NEGATION_REACH
        } else {
            negation_left.saturating_sub(1)
        };
        previous = Some(i);
    }
    for &(rule, at) in rule_hits {
        let s = doc.sentence_index(at).min(n - 1);
        per_sentence[s].push(rule_feature(rule));
    }
    let global = if media {
        vec![media_feature()]
    } else {
        Vec::new()
    };
    Featurised {
        tokens,
        sentence_of,
        negated,
        per_sentence,
        global,
    }
}

impl Classifier {
    /// Reads a model file: "SPM1", bucket count and category count (u32 LE), then per
    /// category scale, bias, and the nudge, flag and confident thresholds (f32 LE), then the
    /// i8 weights,
    /// bucket-major.
    pub fn from_bytes(bytes: &[u8]) -> Result<Classifier, String> {
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or("not a SafePost model (bad magic)")?;
        let u32_at = |b: &[u8], i: usize| -> Result<u32, String> {
            b.get(i..i + 4)
                .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
                .ok_or_else(|| "model file is truncated".to_string())
        };
        let buckets = u32_at(rest, 0)? as usize;
        let categories = u32_at(rest, 4)? as usize;
        if buckets != BUCKETS || categories != CATEGORIES {
            return Err(format!(
                "model has {buckets} buckets and {categories} categories; the core expects {BUCKETS} and {CATEGORIES}"
            ));
        }
        let mut heads = [Head {
            scale: 0.0,
            bias: 0.0,
            nudge: f32::INFINITY,
            flag: f32::INFINITY,
            confident: f32::INFINITY,
        }; CATEGORIES];
        let mut at = 8;
        for head in heads.iter_mut() {
            let f = |i: usize| u32_at(rest, at + 4 * i).map(f32::from_bits);
            *head = Head {
                scale: f(0)?,
                bias: f(1)?,
                nudge: f(2)?,
                flag: f(3)?,
                confident: f(4)?,
            };
            at += 20;
        }
        let weights: Vec<i8> = rest[at..].iter().map(|&b| b as i8).collect();
        if weights.len() != buckets * categories {
            return Err(format!(
                "model has {} weights, expected {}",
                weights.len(),
                buckets * categories
            ));
        }
        Ok(Classifier { heads, weights })
    }

    fn add(&self, acc: &mut [i32; CATEGORIES], bucket: u32) {
        let row = &self.weights[bucket as usize * CATEGORIES..][..CATEGORIES];
        for (a, &w) in acc.iter_mut().zip(row) {
            *a += w as i32;
        }
    }

    /// Margin (log-odds) of each category for a window with summed weights `sum` over
    /// `count` features.
    fn margins(&self, sum: &[i32; CATEGORIES], count: usize) -> [f32; CATEGORIES] {
        let norm = 1.0 / (count.max(1) as f32).sqrt();
        let mut out = [0.0; CATEGORIES];
        for (c, head) in self.heads.iter().enumerate() {
            out[c] = head.bias + head.scale * sum[c] as f32 * norm;
        }
        out
    }

    /// Each category's level, from its best window, and a finding for each at
    /// [`Level::Nudge`] or above.
    pub fn classify(&self, doc: &Document, features: &Featurised) -> Assessment {
        let mut sums = Vec::with_capacity(features.per_sentence.len());
        for buckets in &features.per_sentence {
            let mut acc = [0i32; CATEGORIES];
            for &b in buckets {
                self.add(&mut acc, b);
            }
            sums.push(acc);
        }
        let mut global = [0i32; CATEGORIES];
        for &b in &features.global {
            self.add(&mut global, b);
        }
        // Best margin per category, and the window that gave it.
        let mut best: [(f32, Range<usize>); CATEGORIES] =
            std::array::from_fn(|_| (f32::NEG_INFINITY, 0..0));
        for window in windows(features.per_sentence.len()) {
            let mut sum = global;
            let mut count = features.global.len();
            for s in window.clone() {
                for (a, b) in sum.iter_mut().zip(&sums[s]) {
                    *a += b;
                }
                count += features.per_sentence[s].len();
            }
            for (c, m) in self.margins(&sum, count).into_iter().enumerate() {
                if m > best[c].0 {
                    best[c] = (m, window.clone());
                }
            }
        }
        let sentences = doc.sentences();
        let mut hits = Vec::new();
        let mut levels = [Level::Below; CATEGORIES];
        for (c, (margin, window)) in best.into_iter().enumerate() {
            let head = self.heads[c];
            levels[c] = if margin >= head.confident {
                Level::Confident
            } else if margin >= head.flag {
                Level::Flag
            } else if margin >= head.nudge {
                Level::Nudge
            } else {
                Level::Below
            };
            if levels[c] == Level::Below || window.is_empty() {
                continue;
            }
            // The sentence of the window that leans most towards the category.
            let s = window
                .clone()
                .max_by(|&a, &b| {
                    let score = |s: usize| {
                        sums[s][c] as f32 / (features.per_sentence[s].len().max(1) as f32).sqrt()
                    };
                    score(a).total_cmp(&score(b)).then(b.cmp(&a))
                })
                .unwrap_or(window.start);
            let span = sentences.get(s).cloned().unwrap_or(0..doc.text.len());
            hits.push(ModelHit {
                category: Category::ALL[c],
                margin,
                level: levels[c],
                span,
                cues: self.cues(doc, features, s, c),
            });
        }
        Assessment { levels, hits }
    }

    /// The (at most three) words of sentence `s` whose features weigh most towards category
    /// `c`, strongest first.
    fn cues(&self, doc: &Document, features: &Featurised, s: usize, c: usize) -> Vec<Range<usize>> {
        let of = &features.sentence_of;
        let tokens = of.partition_point(|&x| x < s)..of.partition_point(|&x| x <= s);
        let mut scored: Vec<(i32, Range<usize>)> = Vec::new();
        for t in tokens.clone() {
            let token = &features.tokens[t];
            let previous = (t > tokens.start).then(|| &features.tokens[t - 1]);
            let mut weight = 0i32;
            token_features(doc.text, token, previous, features.negated[t], &mut |b| {
                weight += self.weights[b as usize * CATEGORIES + c] as i32
            });
            if weight > 0 {
                scored.push((weight, token.span.clone()));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
        scored.into_iter().take(3).map(|(_, span)| span).collect()
    }
}

/// The rule id of the model's findings in each category ("learned-heated-tone"): the user
/// can turn the model off per category like any rule.
pub fn rule_info(category: Category) -> &'static RuleInfo {
    &LEARNED[category as usize]
}

macro_rules! learned {
    ($($id:literal => $cat:ident),* $(,)?) => {
        [$(RuleInfo {
            id: $id,
            category: Category::$cat,
            #[cfg(test)]
            flags: &[],
            #[cfg(test)]
            passes: &[],
        }),*]
    };
}

static LEARNED: [RuleInfo; CATEGORIES] = learned![
    "learned-patient-identifier" => PatientIdentifier,
    "learned-clinical-encounter" => ClinicalEncounter,
    "learned-patient-image" => PatientImage,
    "learned-derogatory-patient" => DerogatoryPatient,
    "learned-discrimination" => Discrimination,
    "learned-offensive-language" => OffensiveLanguage,
    "learned-boundaries" => Boundaries,
    "learned-individual-advice" => IndividualAdvice,
    "learned-workplace-dispute" => WorkplaceDispute,
    "learned-defamation" => Defamation,
    "learned-legal-proceedings" => LegalProceedings,
    "learned-health-claims" => HealthClaims,
    "learned-undisclosed-interest" => UndisclosedInterest,
    "learned-misinformation" => Misinformation,
    "learned-impairment" => Impairment,
    "learned-personal-security" => PersonalSecurity,
    "learned-copyright" => Copyright,
    "learned-heated-tone" => HeatedTone,
];

/// The severity of a model finding: low for a nudge; else the category's default, except
/// that the model alone never says critical (RULEBOOK: a critical needs a direct identifier
/// or an image with a patient context, which the exact rules find), and a confident finding
/// in a category whose default is low (a threat, not just a raised voice) is medium.
pub fn severity(category: Category, level: Level) -> Severity {
    match (category.default_severity(), level) {
        (_, Level::Below | Level::Nudge) => Severity::Low,
        (Severity::Critical, _) => Severity::High,
        (Severity::Low, Level::Confident) => Severity::Medium,
        (s, _) => s,
    }
}

/// Rules that find a thing exactly (a check digit, a format, the user's own terms): their
/// findings stand whatever the model reads, except that a critical needs a patient in the
/// post (see [`rule_severity`]). Every other rule is a word list, and gives way to the model: where the model does
/// not read its category, the rule's finding is an advisory note (low); a critical needs the
/// model's confidence too.
pub const EXACT_RULES: &[&str] = &[
    "nhs-number",
    "chi-number",
    "national-insurance-number",
    "us-ssn",
    "phone-number",
    "email-address",
    "postcode",
    "hospital-number",
    "date-of-birth",
    "door-code",
    "registration-number",
    "workplace-term",
];

/// A name with a patient word or a bed is a direct identifier, so a hint of agreement from the
/// model ([`Level::Nudge`]) is enough for a warning (medium); but it can still be a colleague
/// or a book title, so without that it is an advisory note, and critical only where the
/// model is confident.
const NAME_RULES: &[&str] = &["patient-name", "bed-location"];

/// Exact rules whose match identifies a patient only when a patient is in the post.
const CONTEXT_RULES: &[&str] = &["phone-number", "email-address", "postcode", "date-of-birth"];

/// Rules whose critical is a direct identifier or an image with a patient in it: critical
/// where the model is confident of their category.
const IDENTIFYING_RULES: &[&str] = &[
    "patient-name",
    "bed-location",
    "patient-image",
    "clinical-encounter",
    "celebrity-patient",
];

/// The severity a rule's finding keeps, given the model's level for its category and whether
/// the model reads a patient in the post (identifier or encounter at [`Level::Nudge`] or
/// above). A critical needs a direct identifier, or an image, together with a patient
/// context; everything else is high at most.
pub fn rule_severity(rule: &str, severity: Severity, level: Level, patient: bool) -> Severity {
    let kept = if EXACT_RULES.contains(&rule) {
        severity
    } else {
        match level {
            Level::Nudge if NAME_RULES.contains(&rule) => severity.min(Severity::Medium),
            Level::Below | Level::Nudge => Severity::Low,
            Level::Flag => severity.min(Severity::High),
            Level::Confident => severity,
        }
    };
    // A contact detail or a date of birth with no patient in the post is most likely the
    // writer's own or a service's: an advisory note.
    if CONTEXT_RULES.contains(&rule) && !patient {
        return kept.min(Severity::Low);
    }
    let critical_allowed = if EXACT_RULES.contains(&rule) {
        patient
    } else {
        IDENTIFYING_RULES.contains(&rule) && level == Level::Confident
    };
    if kept == Severity::Critical && !critical_allowed {
        Severity::High
    } else {
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_loads() {
        assert_eq!(SHIPPED.weights.len(), BUCKETS * CATEGORIES);
    }

    #[test]
    fn bad_model_files_are_clear_errors() {
        assert!(Classifier::from_bytes(b"nope")
            .err()
            .unwrap()
            .contains("magic"));
        assert!(Classifier::from_bytes(b"SPM1\x01")
            .err()
            .unwrap()
            .contains("truncated"));
    }

    #[test]
    fn windows_cover_the_post_then_runs_of_three() {
        assert_eq!(windows(2), vec![0..2]);
        assert_eq!(windows(5), vec![0..5, 0..3, 1..4, 2..5]);
    }

    #[test]
    fn every_token_lands_in_its_sentence() {
        let doc = Document::new("First one here. Second one! Third");
        let f = featurise(&doc, &[("x", 17)], false);
        assert_eq!(f.sentence_of, vec![0, 0, 0, 1, 1, 2]);
        assert_eq!(f.per_sentence.len(), 3);
        assert!(f.per_sentence[1].contains(&rule_feature("x")));
    }

    #[test]
    fn learned_rule_ids_follow_the_categories() {
        for c in Category::ALL {
            assert_eq!(rule_info(c).id, format!("learned-{}", c.id()));
            assert_eq!(rule_info(c).category, c);
        }
    }

    #[test]
    fn model_severity_is_never_critical() {
        for c in Category::ALL {
            for level in [Level::Below, Level::Nudge, Level::Flag, Level::Confident] {
                assert_ne!(severity(c, level), Severity::Critical);
            }
        }
        assert_eq!(
            severity(Category::HeatedTone, Level::Confident),
            Severity::Medium
        );
        assert_eq!(severity(Category::Impairment, Level::Nudge), Severity::Low);
    }

    #[test]
    fn word_list_rules_give_way_to_the_model_and_exact_rules_do_not() {
        let crit = Severity::Critical;
        assert_eq!(rule_severity("nhs-number", crit, Level::Below, true), crit);
        assert_eq!(
            rule_severity("nhs-number", crit, Level::Below, false),
            Severity::High
        );
        assert_eq!(
            rule_severity("advert-claims", crit, Level::Confident, true),
            Severity::High
        );
        assert_eq!(
            rule_severity("phone-number", crit, Level::Below, true),
            crit
        );
        assert_eq!(
            rule_severity("phone-number", crit, Level::Below, false),
            Severity::Low
        );
        assert_eq!(
            rule_severity("hospital-number", crit, Level::Below, false),
            Severity::High
        );
        assert_eq!(
            rule_severity("patient-image", crit, Level::Below, true),
            Severity::Low
        );
        assert_eq!(
            rule_severity("patient-image", crit, Level::Flag, true),
            Severity::High
        );
        assert_eq!(
            rule_severity("patient-image", crit, Level::Confident, true),
            crit
        );
        assert_eq!(
            rule_severity("patient-name", crit, Level::Below, true),
            Severity::Low
        );
        assert_eq!(
            rule_severity("patient-name", crit, Level::Nudge, true),
            Severity::Medium
        );
    }
}
