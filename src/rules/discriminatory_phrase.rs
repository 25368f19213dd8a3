//! Demeaning a group: "go back to your own country", "illegals clogging up A&E", "typical
//! woman", "Muslims are all ...", mocking accents. A group word alone is never enough:
//! health-equity posts name groups all the time ("Black women are 4x more likely to die in
//! childbirth"). The rule wants a demeaning predicate right after the group, a stereotype
//! frame ("typical ___"), or a phrase that demeans on its own, and no equity or reporting
//! frame in the sentence.
use super::{context, context::any_of, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::discrimination::{DEMEANING, EQUITY_FRAME, GROUPS, PHRASES, TYPICAL_ALLOW};
use crate::text::{regex, Document, Lexicon};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct DiscriminatoryPhrase;

static INFO: RuleInfo = rule_info! {
    id: "discriminatory-phrase",
    category: Category::Discrimination,
    flags: &[
        "illegals clogging up A&E again, no wonder we can't cope",
        "Told him to go back to his own country if he doesn't like the wait",
        "typical woman driver, took 10 mins to park at the hospital",
        "Immigrants are all scroungers draining our NHS",
        "these people come over here and expect free treatment",
        "Health tourists again in majors, ffs",
        "me no speak english, me want morphine 😂",
    ],
    passes: &[
        "Black women are 4x more likely to die in childbirth - we must act",
        "Ramadan fasting and diabetes: tips for the month",
        "Disabled parking at the clinic has moved to the east entrance",
        "Migrants face real barriers to registering with a GP",
        "The typical South Asian diet and cardiovascular risk - new paper",
        "Proud to welcome our international doctors this week",
        "A patient told me to go back to my own country. Racism in the NHS is real.",
    ],
};

static GROUP: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(GROUPS));
static DEMEAN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(DEMEANING));
static PHRASE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PHRASES));
static EQUITY: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(EQUITY_FRAME));
static TYPICAL_OK: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(TYPICAL_ALLOW));

static GO_BACK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:go|goes|going|went|send (?:them|him|her|you|em)(?: all)?|ship (?:them|em))(?: back)? (?:back )?(?:to )?(?:(?:your|ur|yer|their|his|her) (?:own )?countr(?:y|ies)|where (?:you|they|he|she) (?:came|come) from)",
    )
});

static GO_HOME_TO: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\bgo (?:back )?(?:home )?to (?:africa|asia|pakistan|india|poland|romania|bulgaria|nigeria|ghana|china|jamaica|somalia|syria|mexico|bangladesh|albania|the caribbean|eastern europe|the middle east|your (?:own )?(?:country|village|desert|jungle))\b",
    )
});
static GO_HOME_FRAME: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new([
        "if you",
        "if they",
        "if he",
        "if she",
        "then",
        "where",
        "and stay",
        "should",
        "just",
        "tell",
        "told",
        "can",
        "needs to",
        "need to",
        "ought to",
        "love it or",
    ])
});

static OVER_HERE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new([
        "over here",
        "come here",
        "coming here",
        "our country",
        "this country",
        "our nhs",
        "free treatment",
        "free healthcare",
        "pay taxes",
        "paid in",
    ])
});

fn framed_as_equity(doc: &Document, span: &Range<usize>) -> bool {
    EQUITY.contains_in(doc.sentence_lower(span.start)) || context::talks_about_term(doc, span)
}

/// Reported speech ("a patient told her to go back to her own country") in a post about
/// racism: the frame may be a sentence or two away.
fn reported(doc: &Document, span: &Range<usize>) -> bool {
    framed_as_equity(doc, span) || EQUITY.contains_in(doc.window(span, 250, 250))
}

fn push(doc: &Document, out: &mut Vec<Hit>, span: Range<usize>, message: &'static str) {
    context::derogatory_if_aimed_at_patient(doc, &INFO, &span, out);
    out.push(Hit::new(&INFO, span, Severity::Critical, message).suggest("[remove]"));
}

impl Rule for DiscriminatoryPhrase {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for (span, _) in PHRASE.find_iter(doc) {
            if !reported(doc, &span) {
                push(doc, out, span, "This demeans people for their nationality, race, sex, gender identity or disability.");
            }
        }
        let lower = doc.lower.as_str();
        let go_back =
            any_of(lower, &["countr", " from"]) && any_of(lower, &["go", "went", "send", "ship"]);
        for m in GO_BACK.find_iter(if go_back { lower } else { "" }) {
            let span = m.range();
            if !reported(doc, &span) {
                push(doc, out, span, "Telling people to go back where they came from demeans them for their nationality or race.");
            }
        }
        let go_to = lower.contains("go ");
        for m in GO_HOME_TO.find_iter(if go_to { lower } else { "" }) {
            let span = m.range();
            let before = context::sentence_before(doc, span.start, 24);
            let mine = before.ends_with("i ") || before.ends_with("we ") || before.ends_with("to ");
            if !mine
                && GO_HOME_FRAME.contains_in(doc.window(&span, 24, 30))
                && !reported(doc, &span)
            {
                push(doc, out, span, "Telling people to go back where they came from demeans them for their nationality or race.");
            }
        }
        for (span, _) in GROUP.find_iter(doc) {
            let sentence = doc.sentence_at(span.start);
            let before = context::sentence_before(doc, span.start, 12);
            // A stereotype frame: "typical woman", not "the typical Asian diet".
            let typical = before.trim_end().ends_with("typical")
                && !before.contains("the typical")
                && !before.contains("a typical")
                && !TYPICAL_OK.contains_in(doc.window(&span, 0, 24));
            // A demeaning predicate soon after the group, in the same sentence.
            let end = (span.end + 48).min(sentence.end);
            let after = doc.window(&(span.end..end), 0, 0);
            let demeaned = DEMEAN.find_in(after, 0).next().is_some_and(|(m, _)| {
                let from = m.start.saturating_sub(10);
                !after.is_char_boundary(from) || !context::has_negation(&after[from..m.start])
            });
            // An expletive or insult right before the group: "bloody foreigners".
            let sworn = [
                "bloody", "fucking", "effing", "damn", "dirty", "filthy", "stupid", "lazy",
                "smelly", "thieving",
            ]
            .iter()
            .any(|w| before.trim_end().ends_with(w));
            let these = doc.lower[span.clone()].starts_with("these")
                || doc.lower[span.clone()].starts_with("those")
                || doc.lower[span.clone()].ends_with("lot");
            let over_here = these && OVER_HERE.contains_in(doc.sentence_lower(span.start));
            if (typical || demeaned || over_here || sworn) && !framed_as_equity(doc, &span) {
                let start = if typical {
                    span.start.saturating_sub(8)
                } else {
                    span.start
                };
                let start = if doc.text.is_char_boundary(start) {
                    start
                } else {
                    span.start
                };
                push(
                    doc,
                    out,
                    start..span.end,
                    "Describing a group like this demeans people for who they are.",
                );
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
        assert_examples(&DiscriminatoryPhrase);
    }

    #[test]
    fn typical_span_includes_the_frame() {
        let got = hits(
            &DiscriminatoryPhrase,
            "typical woman, can't make a decision",
        );
        assert_eq!(got[0].0, "typical woman");
        assert_eq!(got[0].1, Severity::Critical);
    }

    #[test]
    fn health_equity_is_not_demeaning() {
        assert!(hits(
            &DiscriminatoryPhrase,
            "Asylum seekers are more likely to have untreated PTSD"
        )
        .is_empty());
    }
}
