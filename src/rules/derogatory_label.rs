//! Labels that mock or dismiss patients ("frequent flyer", "bed blocker", "GOMER",
//! "acopia"). Strong labels count wherever they are used about people; weak ones ("pest",
//! "crumble", "junkie") need a patient in the frame or a mocking tone. A sentence that
//! discusses the label ("we should stop calling people 'bed blockers'") is left alone.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::derogatory::{
    FLYER_AIRLINE, MOCKING, PATIENT_FRAME, STRONG_LABELS, WEAK_ALLOW, WEAK_LABELS,
};
use crate::rulebook::workplace::TARGETS as STAFF_TARGETS;
use crate::text::{Document, Lexicon};
use std::ops::Range;
use std::sync::LazyLock;

pub struct DerogatoryLabel;

static INFO: RuleInfo = rule_info! {
    id: "derogatory-label",
    category: Category::DerogatoryPatient,
    flags: &[
        "Frequent flyer back again, shock",
        "3 bed blockers on the ward and no beds for anyone else",
        "Classic acopia in cubicle 4, off to the medics",
        "another GOMER from the nursing home lol",
        "the drug seeker in bay 2 wants more oramorph 🙄",
        "Absolute heartsink in clinic today",
        "pt in resus is obviously faking it",
        "junkie in majors kicking off again",
        "Another social admission, what a surprise",
    ],
    passes: &[
        "ED consultants are idiots, sent up a pt with a STEMI as gastritis",
        "Frequent attenders often have unmet needs - here is what helped us",
        "Delayed discharge is a system failure, not a patient's fault",
        "We should stop calling people 'bed blockers'",
        "Used my frequent flyer miles for the conference in Lisbon",
        "Apple crumble and custard in the staff room, come and get it",
        "Labels like 'frequent flyer' and 'heartsink' are stigmatising",
        "I'm a total coffee junkie on nights",
        "Pest control are coming to the kitchen on Monday",
        "There is no such thing as a time waster in ED",
    ],
};

static STRONG: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(STRONG_LABELS.iter().map(|(t, _)| *t)));
static WEAK: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(WEAK_LABELS.iter().map(|(t, _)| *t)));
static FRAME: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PATIENT_FRAME));
static MOCK: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(MOCKING));
static AIRLINE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(FLYER_AIRLINE));
static STAFF: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(STAFF_TARGETS));
static PATIENT_WORDS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PATIENT_SUBJECTS));

/// Words naming a patient as the subject of a sentence.
const PATIENT_SUBJECTS: crate::rulebook::Words = crate::words![
    "pt",
    "pts",
    "patient",
    "patients",
    "man",
    "woman",
    "lady",
    "bloke",
    "guy",
    "lad",
    "girl",
    "boy",
    "relative",
    "relatives",
    "family",
    "he",
    "she",
    "they",
];

/// The sentence up to `span` is about a colleague: a staff word ("consultants", "my reg")
/// comes before any patient word. "ED consultants are idiots, sent up a pt" is a workplace
/// matter; "the pt in bay 3 is an idiot, told the reg" is not.
fn staff_subject(doc: &Document, span: &Range<usize>) -> bool {
    let sentence = doc.sentence_at(span.start);
    let prefix = &doc.lower[sentence.start..span.start];
    let Some((staff, _)) = STAFF.find_in(prefix, 0).next() else {
        return false;
    };
    PATIENT_WORDS
        .find_in(prefix, 0)
        .next()
        .is_none_or(|(p, _)| staff.start < p.start)
}

static ALLOW: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(WEAK_ALLOW));

/// Emoji are not whole words for the lexicon, so look for them as plain substrings.
fn mocking(s: &str) -> bool {
    MOCK.contains_in(s) || ["🙄", "😂", "🤣", "😆", "🤦"].iter().any(|e| s.contains(e))
}

/// "Heartsink? No." : the label raised as a question and rejected.
fn answered_no(doc: &Document, span: &Range<usize>) -> bool {
    let after = doc.window(&(span.end..span.end), 0, 8);
    after.starts_with("? no") || after.starts_with("? not") || after.starts_with("?! no")
}

fn airline(doc: &Document, span: &Range<usize>) -> bool {
    let w = doc.window(span, 60, 60);
    AIRLINE.contains_in(w) || w.contains("as a frequent") || w.contains("i'm a frequent")
}

impl Rule for DerogatoryLabel {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for (span, i) in STRONG.find_iter(doc) {
            let (term, suggestion) = STRONG_LABELS[i];
            if context::discussing_term(doc, &span)
                || answered_no(doc, &span)
                || (term.starts_with("frequent") && airline(doc, &span))
            {
                continue;
            }
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    Severity::High,
                    "Labels like this mock patients and undermine trust in the profession.",
                )
                .suggest(suggestion),
            );
        }
        for (span, i) in WEAK.find_iter(doc) {
            let (_, suggestion) = WEAK_LABELS[i];
            // "#FF" is Follow Friday, not a frequent flyer.
            if span.start > 0 && doc.lower.as_bytes()[span.start - 1] == b'#' {
                continue;
            }
            let sentence = doc.sentence_lower(span.start);
            let around = doc.window(&span, 60, 60);
            if context::discussing_term(doc, &span)
                || ALLOW.contains_in(around)
                || staff_subject(doc, &span)
            {
                continue;
            }
            let patient = FRAME.contains_in(sentence);
            if !(patient || (mocking(sentence) && context::patient_near(doc, &span))) {
                continue;
            }
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    Severity::High,
                    "Calling a patient this mocks them and undermines trust in the profession.",
                )
                .suggest(suggestion),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&DerogatoryLabel);
    }

    #[test]
    fn span_severity_and_suggestion() {
        let got = hits(&DerogatoryLabel, "Frequent flyer back again, shock");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Frequent flyer");
        assert_eq!(got[0].1, Severity::High);
        assert_eq!(got[0].2, Category::DerogatoryPatient);
    }

    #[test]
    fn weak_label_needs_a_patient_frame() {
        assert!(hits(&DerogatoryLabel, "What a pest this printer is").is_empty());
        assert!(!hits(&DerogatoryLabel, "pt in bay 6 is an absolute pest").is_empty());
    }

    #[test]
    fn quoted_label_is_discussion() {
        assert!(hits(
            &DerogatoryLabel,
            "Nobody should be called a \"frequent flyer\""
        )
        .is_empty());
    }
}
