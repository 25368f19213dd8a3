//! Drunk, hungover or high at or before work, and drink-driving: "Still drunk, on the ward
//! in 20 mins", "hungover on nights again lol", "3 pints then drove to my on-call". The
//! writer must be the subject (not "pt was drunk"), work or driving must be in the frame,
//! and neither time off ("a glass of wine on my day off") nor teaching ("alcohol withdrawal
//! session") nor negation ("never come in hungover") may be.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::impairment::{INTAKE, OFF_DUTY, STATES, WORK};
use crate::text::{Document, Lexicon};
use std::ops::Range;
use std::sync::LazyLock;

pub struct IntoxicatedAtWork;

static INFO: RuleInfo = rule_info! {
    id: "intoxicated-at-work",
    category: Category::Impairment,
    flags: &[
        "Still drunk, on the ward in 20 mins 🍻",
        "hungover on nights again lol",
        "3 pints then drove to my on-call",
        "bit tipsy still but long day in theatre here we go",
        "did a line in the toilets before handover, best shift ever",
        "Absolutely hanging, 8am start in clinic 😵",
        "smoked a spliff before my night shift, chilled as",
    ],
    passes: &[
        "Night shift done ☕",
        "A glass of wine on my day off",
        "Alcohol withdrawal teaching session for the FY1s",
        "patient was drunk and abusive in ED again",
        "Never come to work hungover - your patients deserve better",
        "Drinks after work to celebrate Sam's promotion 🥂",
        "Hanging baskets outside the ward look lovely",
        "Ketamine in prehospital analgesia: new paper",
    ],
};

static STATE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(STATES));
static INTAKE_LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(INTAKE));
static WORK_LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(WORK));
static OFF: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(OFF_DUTY));
static DRIVE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new([
        "drove",
        "drive",
        "driving",
        "drive home",
        "drove home",
        "behind the wheel",
        "over the limit",
    ])
});
static USE_VERB: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new([
        "did", "doing", "done", "had", "having", "took", "taking", "smoked", "smoking", "dropped",
        "popped", "snorted", "sniffed", "necked", "downed", "sank", "sunk", "drank", "after",
        "then",
    ])
});
static QUANTITY: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new([
        "couple of",
        "a couple",
        "a few",
        "few",
        "several",
        "two",
        "three",
        "four",
        "five",
        "six",
        "a bottle",
        "half a bottle",
        "too many",
        "loads of",
        "a load of",
        "some",
        "one more",
        "another",
        "a quick",
        "quick",
        "cheeky",
        "a cheeky",
        "last",
    ])
});
/// Everyday senses: "hanging baskets", "hanging out", "wasted time", "smashed it".
static NOT_A_STATE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new([
        "hanging out",
        "hanging around",
        "hanging on",
        "hanging basket",
        "hanging baskets",
        "hanging in there",
        "hang in there",
        "wasted time",
        "time wasted",
        "wasted my time",
        "wasted effort",
        "smashed it",
        "smashed your",
        "smashed their",
        "smashed our",
        "smashed the",
        "wrecked my back",
        "wrecked my sleep",
        "drunk patients",
        "drunk patient",
        "drunk drivers",
        "drunk driver",
        "the drunks",
        "drunk and disorderly",
        "baked goods",
        "baked beans",
        "baked potato",
        "baked a",
        "bake",
        "mortal sin",
        "merry christmas",
        "the fear of",
        "steaming ahead",
        "full steam",
        "drunk tank",
        "drunk in charge",
        "drunk driving",
        "drink driving",
        "drunk-driving",
        "drink-driving",
        "high on life",
        "high on caffeine",
        "high on sugar",
        "pissed off",
        "pissed at",
        "pissed with",
        "pissed about",
    ])
});

fn about_someone_else(doc: &Document, span: &Range<usize>) -> bool {
    context::third_party_before(doc, span.start, 40)
}

fn ruled_out(doc: &Document, span: &Range<usize>) -> bool {
    let sentence = doc.sentence_lower(span.start);
    about_someone_else(doc, span)
        || context::negated_before(doc, span.start, 30)
        || OFF.contains_in(sentence)
        || context::teaching_frame(doc, span)
        || NOT_A_STATE.contains_in(doc.window(span, 12, 16))
}

/// Work in the sentence or in the next or previous one.
fn work_near(doc: &Document, span: &Range<usize>) -> bool {
    WORK_LEX.contains_in(doc.window(span, 100, 100))
}

impl Rule for IntoxicatedAtWork {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for (span, _) in STATE.find_iter(doc) {
            if work_near(doc, &span) && !ruled_out(doc, &span) {
                out.push(Hit::new(&INFO, span, Severity::High, "Saying you are drunk, hungover or high at or before work puts patients and your registration at risk."));
            }
        }
        // Drink emoji are in the list too: they sit between spaces like words.
        for (span, _) in INTAKE_LEX.find_iter(doc) {
            let sentence = doc.sentence_lower(span.start);
            let driving = DRIVE.contains_in(sentence);
            let using = USE_VERB.contains_in(doc.window(&span, 24, 0))
                || QUANTITY.contains_in(doc.window(&span, 20, 0))
                || doc.window(&span, 12, 0).bytes().any(|b| b.is_ascii_digit());
            let working = WORK_LEX.contains_in(sentence);
            if using && (driving || working) && !ruled_out(doc, &span) {
                let message = if driving {
                    "Saying you drove after drinking or drugs puts your registration at risk."
                } else {
                    "Saying you drank or took drugs before or at work puts patients and your registration at risk."
                };
                out.push(Hit::new(&INFO, span, Severity::High, message));
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
        assert_examples(&IntoxicatedAtWork);
    }

    #[test]
    fn span_and_severity() {
        let got = hits(&IntoxicatedAtWork, "Still drunk, on the ward in 20 mins 🍻");
        assert_eq!(got[0].0, "Still drunk");
        assert_eq!(got[0].1, Severity::High);
    }

    #[test]
    fn someone_else_drunk_is_not_impairment() {
        assert!(hits(
            &IntoxicatedAtWork,
            "the lady in bay 4 is still drunk from last night"
        )
        .is_empty());
    }
}
