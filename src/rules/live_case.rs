//! Legal proceedings: commenting on guilt in a live case (contempt of court), identifying
//! people the courts protect (victims of sexual offences, children in proceedings), and
//! sharing leaked or unreleased inquest and court material. Talking about the law, jury
//! service or giving evidence is fine.
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::allegations::{
    CONCLUDED, COURT_MATERIAL, GUILT, IN_PROCEEDINGS, KNOWS_PERSON, LEAKED, LIVE_CASE, NOT_A_CASE,
    PROTECTED_CASES, PROTECTED_PEOPLE,
};
use crate::text::{Document, Lexicon};
use std::sync::LazyLock;

pub struct LiveCase;

static INFO: RuleInfo = rule_info! {
    id: "live-case",
    category: Category::LegalProceedings,
    flags: &[
        "She's obviously guilty, the jury needs to catch up",
        "the girl in the Smith rape trial is my patient",
        "Leaked: the coroner's findings before the inquest even opens",
        "Watching the trial coverage - he did it, lock him up",
        "The victim in that grooming case is on my caseload, poor kid",
        "I've seen the post mortem report and the family won't like the inquest",
    ],
    passes: &[
        "Great talk on the Mental Capacity Act",
        "jury service next week, wish me luck",
        "Giving evidence at an inquest tomorrow - any tips for staying calm?",
        "Chocolate at 3am is my guilty pleasure on nights",
        "He was found guilty and sentenced today; thoughts with the family",
        "Teaching session on supporting victims of sexual assault in ED",
    ],
};

static GUILT_LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(GUILT));
static LIVE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(LIVE_CASE));
static DONE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(CONCLUDED));
static NOT_CASE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(NOT_A_CASE));
static PROTECTED: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PROTECTED_PEOPLE));
static SEX_CASE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PROTECTED_CASES));
static PROCEEDINGS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(IN_PROCEEDINGS));
static KNOWS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(KNOWS_PERSON));
static LEAK: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(LEAKED));
static MATERIAL: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(COURT_MATERIAL));

impl Rule for LiveCase {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        let mut live: Option<bool> = None;
        for (span, _) in GUILT_LEX.find_iter(doc) {
            let sentence = doc.sentence_lower(span.start);
            let before = doc.window(&(span.start..span.start), 12, 0);
            if NOT_CASE.contains_in(sentence)
                || DONE.contains_in(sentence)
                || before.ends_with("not ")
                || before.contains("feel")
            {
                continue;
            }
            if !*live.get_or_insert_with(|| {
                LIVE.contains_in(&doc.lower) && !DONE.contains_in(&doc.lower)
            }) {
                continue;
            }
            out.push(Hit::new(
                &INFO,
                span,
                Severity::High,
                "Commenting on guilt in a live case can prejudice the trial and be contempt of court.",
            ));
            return;
        }
        for (span, _) in PROTECTED.find_iter(doc) {
            let around = doc.window(&span, 100, 100);
            let sentence = doc.sentence_lower(span.start);
            if (SEX_CASE.contains_in(around) || SEX_CASE.contains_in(sentence))
                && (PROCEEDINGS.contains_in(around) || PROCEEDINGS.contains_in(sentence))
                && (KNOWS.contains_in(around) || KNOWS.contains_in(sentence))
            {
                out.push(Hit::new(
                    &INFO,
                    span,
                    Severity::High,
                    "Victims of sexual offences and children in proceedings have lifelong anonymity; saying you know or treat them can identify them.",
                ));
                return;
            }
        }
        for (span, _) in LEAK.find_iter(doc) {
            let around = doc.window(&span, 100, 100);
            if MATERIAL.contains_in(around) && LIVE.contains_in(around) {
                out.push(Hit::new(
                    &INFO,
                    span,
                    Severity::High,
                    "Sharing unreleased inquest or court material can breach confidentiality and prejudice the proceedings.",
                ));
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&LiveCase);
    }

    #[test]
    fn guilt_comment_is_high() {
        let got = hits(
            &LiveCase,
            "She's obviously guilty, the jury needs to catch up",
        );
        assert_eq!(got[0].0, "obviously guilty");
        assert_eq!(got[0].1, Severity::High);
    }
}
