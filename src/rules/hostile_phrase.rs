//! Posting in anger without capitals: "how dare you", threats ("watch your back"), and
//! angry public replies to reviews ("to the family who left us a 1-star review..."). Threats
//! are raised to medium.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::tone::{ANGRY_ALONE, REVIEW_ANGER, THREATS};
use crate::text::{regex, Document, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

pub struct HostilePhrase;

static INFO: RuleInfo = rule_info! {
    id: "hostile-phrase",
    category: Category::HeatedTone,
    flags: &[
        "how dare management cancel our breaks again",
        "To the family who left us a 1-star review: you have no idea what we do",
        "whoever keyed my car in the staff car park, watch your back",
        "I'll make sure you regret complaining about my team",
        "absolutely fuming about the new parking charges",
        "Saw your one star google review. Liar.",
    ],
    passes: &[
        "How dare we not talk about burnout? A thread on what helped me",
        "Thank you to the family who left us a 5-star review, it made our week",
        "How to respond to a negative review professionally - our trust's guidance",
        "Watch your back when lifting - manual handling refresher today",
        "You'll regret not booking the last CPD slot, it was brilliant",
        "I was furious at first, then the data changed my mind",
    ],
};

static THREAT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(THREATS));
static ALONE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(ANGRY_ALONE));
static REV_ANGER: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(REVIEW_ANGER));

static REVIEW_REPLY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\bto (?:the|that|whoever|whichever|the person|you)\b(?-i:[^.!?\n\x{80}-\x{10FFFF}]){0,40}?\b(?:left|wrote|gave|posted|put)\b (?:us |me |our [a-z0-9']+ )?(?:a |an |that |the |your )?(?:1|one|2|two)[- ]?(?:star|\*|⭐)",
    )
});
static REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:(?:1|one|2|two)[- ]?stars?|bad review|negative review|google review|nasty review|review you left|your review|tripadvisor review|trustpilot review)",
    )
});

/// Guidance about threats or harm, not a threat: "watch your back when lifting".
static BENIGN_AFTER: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new([
        "when",
        "while",
        "lifting",
        "posture",
        "not booking",
        "not going",
        "missing",
        "not coming",
        "not applying",
        "not signing",
        "skipping",
    ])
});

/// What follows a threat phrase makes it advice: "watch your back when lifting".
pub(super) fn benign_after(doc: &Document, span: &std::ops::Range<usize>) -> bool {
    BENIGN_AFTER.contains_in(doc.window(&(span.end..span.end), 0, 24))
}

impl Rule for HostilePhrase {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for (span, _) in THREAT.find_iter(doc) {
            if benign_after(doc, &span)
                || context::discussing_term(doc, &span)
                || context::teaching_frame(doc, &span)
            {
                continue;
            }
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    Severity::Medium,
                    "This reads as a threat; posting it could be seen as harassment.",
                )
                .suggest("[remove]"),
            );
        }
        for (span, _) in ALONE.find_iter(doc) {
            let after = doc.window(&(span.end..span.end), 0, 6);
            if after.trim_start().starts_with("we ")
                || context::negated_before(doc, span.start, 12)
                || context::sentence_before(doc, span.start, 30).contains(" was ")
                || context::any_of(
                    doc.window(&span, 40, 60),
                    &[
                        "speech", "quote", "famous", "greta", "film", "song", "lyric",
                    ],
                )
            {
                continue;
            }
            out.push(Hit::new(
                &INFO,
                span,
                Severity::Low,
                "This reads as posting in anger; consider waiting before you post.",
            ));
        }
        if !context::any_of(&doc.lower, &["star", "review", "⭐"]) {
            return;
        }
        let reply = REVIEW_REPLY.find(&doc.lower).map(|m| m.range());
        let review = reply.clone().or_else(|| {
            REVIEW
                .find_iter(&doc.lower)
                .map(|m| m.range())
                .find(|r| REV_ANGER.contains_in(doc.window(r, 200, 200)))
        });
        if let Some(span) = review {
            if !context::teaching_frame(doc, &span) {
                out.push(Hit::new(&INFO, span, Severity::Low, "Replying to a review in anger, in public, can breach confidentiality and reads as unprofessional."));
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
        assert_examples(&HostilePhrase);
    }

    #[test]
    fn threats_are_medium() {
        let got = hits(&HostilePhrase, "you've been warned. watch your back");
        assert!(got.iter().all(|g| g.1 == Severity::Medium));
        assert_eq!(got.len(), 2);
    }
}
