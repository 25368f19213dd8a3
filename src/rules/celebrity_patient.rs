//! A hinted-at celebrity patient ("guess which famous footballer we had in resus last
//! night"). Fame identifies without a name: readers, and journalists, fill in the rest.
//! Needs a patient in the frame (seen, treated, admitted) and no sign of a public appearance
//! (a celebrity opening a ward or cooking for the staff is news, not a patient).
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::celebrity;
use crate::text::{Document, Lexicon};
use std::ops::Range;
use std::sync::LazyLock;

pub struct CelebrityPatient;

static INFO: RuleInfo = rule_info! {
    id: "celebrity-patient",
    category: Category::PatientIdentifier,
    flags: &[
        "Guess which famous footballer we had in resus last night 👀",
        "A certain reality TV star came into A&E tonight demanding a private room",
        "Can't say who but a very well known actor was on my list in theatre this morning",
        "Naming no names but a Premier League striker was in our fracture clinic today",
        "The MP for our constituency was admitted to our cardiology ward yesterday",
        "A household name was in our ED last night after a night out",
        "Stitched up a certain Love Island contestant's face today",
    ],
    passes: &[
        "Rhubarb crumble won the ward bake off, well done Sunita!",
        "ED at the Royal sent up a patient with chest pain as gastritis",
        "Famous footballer opened our new children's ward today - the kids loved it",
        "Celebrity chef cooked lunch for the whole ED staff today as a thank you",
        "Our MP visited the ward to hear about staffing",
        "A certain amount of anxiety before nights is normal",
        "Watching a famous actor play a surgeon on TV tonight, so unrealistic",
        "Premier League clubs should fund more community physio",
        "Strictly speaking, the patient should have been seen in minors",
    ],
};

static FAME: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(celebrity::FAME));
static HINTS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(celebrity::HINTS));
static APPEARANCE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(celebrity::APPEARANCE));
static PATIENT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(celebrity::PATIENT_CONTEXT));

/// The sentence around `span` and the next one (a hint often comes after: "... Can't say
/// who 🤐").
fn frame<'d>(doc: &'d Document, span: &Range<usize>) -> &'d str {
    let i = doc.sentence_index(span.start);
    let sentences = doc.sentences();
    let Some(first) = sentences.get(i) else {
        return "";
    };
    let last = sentences.get(i + 1).unwrap_or(first);
    &doc.lower[first.start.min(span.start)..last.end.max(span.end)]
}

/// A fame word used as part of a local name rather than about a person: "the Royal" or
/// "Royal Berkshire" (a hospital), "the ward bake off" (a staff event).
fn local_name(doc: &Document, span: &Range<usize>) -> bool {
    let before = doc.lower[..span.start].trim_end();
    let word = &doc.lower[span.clone()];
    if [
        "ward",
        "team",
        "staff",
        "charity",
        "office",
        "department",
        "unit",
        "our",
    ]
    .iter()
    .any(|w| before.ends_with(w))
    {
        return true;
    }
    if word == "royal" {
        let next = &doc.text[span.end..];
        let next_lower = &doc.lower[span.end..];
        let named =
            next.starts_with(' ') && next[1..].chars().next().is_some_and(|c| c.is_uppercase());
        let the = before.ends_with(" the") || before == "the";
        return named || (the && !next_lower.starts_with(" family"));
    }
    false
}

impl Rule for CelebrityPatient {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        let mut last_end = 0;
        for (span, _) in FAME.find_iter(doc) {
            if span.start < last_end {
                continue;
            }
            // "MP" in capitals only: "mp" is also a unit and a typo.
            if &doc.lower[span.clone()] == "mp" && &doc.text[span.clone()] != "MP" {
                continue;
            }
            if local_name(doc, &span) {
                continue;
            }
            let around = frame(doc, &span);
            if !PATIENT.contains_in(around) || APPEARANCE.contains_in(around) {
                continue;
            }
            let hinted = HINTS.contains_in(around);
            let severity = if hinted {
                Severity::Critical
            } else {
                Severity::High
            };
            let sentence = doc.sentence_at(span.start);
            last_end = sentence.end;
            out.push(Hit::new(
                &INFO,
                span,
                severity,
                "Hinting that a patient is famous identifies them without a name.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&CelebrityPatient);
    }

    #[test]
    fn a_hint_makes_it_critical() {
        let got = hits(
            &CelebrityPatient,
            "Guess which famous footballer we had in resus last night",
        );
        assert_eq!(got[0].0, "famous");
        assert_eq!(got[0].1, Severity::Critical);
        let got = hits(
            &CelebrityPatient,
            "A famous singer was admitted to our ward",
        );
        assert_eq!(got[0].1, Severity::High);
    }

    #[test]
    fn one_finding_per_sentence() {
        let got = hits(
            &CelebrityPatient,
            "A famous celebrity, a household name, came into A&E",
        );
        assert_eq!(got.len(), 1);
    }
}
