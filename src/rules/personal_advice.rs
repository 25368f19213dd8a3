//! Individual advice: diagnosing someone or changing their treatment in a post ("Double your
//! sertraline", "@jane sounds like shingles, get some aciclovir"). Health professionals are
//! encouraged to share general information; what they should not do is assess one person
//! without a consultation. So the rule needs a directive aimed at a person, or a diagnosis
//! told to someone, and no sign that the advice is general or sends people to their own
//! clinician.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::advice::{
    ANTI_TREATMENT, CONDITIONS, GENERAL, GENERAL_OPENERS, GENERIC_MEDICINE, MEDICINES,
};
use crate::text::{regex, Document, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

pub struct PersonalAdvice;

static INFO: RuleInfo = rule_info! {
    id: "personal-advice",
    category: Category::IndividualAdvice,
    flags: &[
        "Double your sertraline, you'll feel better in a week",
        "@jane sounds like shingles, get some aciclovir",
        "stop taking your metformin before the op",
        "@mike_r that's classic gout mate, ibuprofen and rest",
        "Hun just up your dose of citalopram, it takes a while to kick in",
        "Sounds like you've got a UTI, get some nitrofurantoin from the pharmacy",
    ],
    passes: &[
        "If you have chest pain call 999",
        "Teaching point: check ketones in unwell young people with diabetes",
        "talk to your GP before changing any medication",
        "Sick day rules: people on metformin should pause it if vomiting - ask your pharmacist",
        "Sounds like shingles season is here: vaccine clinics open Monday",
        "Remember to take your inhaler with you on holiday",
        "Never stop your sertraline suddenly without speaking to your prescriber",
    ],
};

static MEDICINE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(MEDICINES));
static CONDITION: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(CONDITIONS));
static GENERAL_LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(GENERAL));
static OPENERS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(GENERAL_OPENERS));
static ANTI: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(ANTI_TREATMENT));

/// A dose change aimed at someone's own medicine, ending right before the medicine's name.
static CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:double|triple|halve|half|up|increase|decrease|reduce|lower|raise|stop|stop taking|quit|come off|get off|skip|ditch|drop|bump up|cut down|cut|switch|swap|go up on|go down on|stop using|pause|stop giving)\s+(?:the\s+dose\s+of\s+|your\s+dose\s+of\s+|ur\s+dose\s+of\s+)?((?:your|ur|her|his|their|yr|the)\s+)?(?:dose\s+of\s+)?$",
    )
});

/// A suggestion to take or get a named medicine, ending right before its name.
static TAKE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:take|try|get|grab|start|pop|ask for|ask the pharmacist for|you need|you want|you should take|you should be on|just take|get yourself some|get some|get on|go on|start on|put her on|put him on|needs|wants)\s+(?:his\s+|her\s+|their\s+|your\s+)?(?:some\s+|a\s+course\s+of\s+|a\s+|an\s+|\d+\s*(?:mg|x)?\s*(?:of\s+)?)?$",
    )
});

/// A diagnosis told to someone, ending right before the condition: these openers only
/// make sense said to a person ("sounds like you've got", "you have").
static DIAGNOSE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:sounds like|sounds a lot like|looks like|looks a lot like|sound like|sound like you're|sounds like you're|sounds like you are|looks like you're|you're|you are|you're probably|you've got|youve got|you have|u have|you got|u got|you've probably got|youve probably got|you probably have|that'll be|thatll be|(?:your|ur) (?:son|daughter|kid|baby|child|little one|lo|husband|wife|partner|mum|dad|rash|cough|boy|girl|toddler)(?:'s got|'s| has| has got| sounds like it's| sounds like| looks like| is))\s+(?:a\s+|an\s+|got\s+|just\s+|textbook\s+|classic\s+|def\s+|defo\s+|definitely\s+|probably\s+|you've got\s+|you have\s+|youve got\s+)*$",
    )
});

/// Weaker openers ("that's", "classic", "defo"): a diagnosis only when said to someone.
static DIAGNOSE_WEAK: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:defo|definitely|def|probably|classic|textbook|that's|thats|that is|it's|its|he's got|she's got|he has|she has|prob)\s+(?:a\s+|an\s+|got\s+|just\s+|textbook\s+|classic\s+|def\s+|defo\s+|definitely\s+|probably\s+)*$",
    )
});

/// Words after a condition that make it a season or a campaign, not a diagnosis.
const NOT_A_DIAGNOSIS: crate::rulebook::Words = crate::words![
    " season",
    " awareness",
    " week",
    " month",
    " day",
    " clinic",
    " jab",
    " vaccine",
    " vaccination",
    " campaign",
    " cases",
    " outbreak",
    " numbers",
    " rates",
    " service",
];

/// The sentence speaks to one person: an @mention, or "you" with an endearment.
fn addressed(sentence: &str) -> bool {
    sentence.contains('@')
        || [
            "hun", "hon", "babe", "mate", "love", "lovely", "chick", "pal", "bud",
        ]
        .iter()
        .any(|w| {
            sentence.match_indices(w).any(|(i, _)| {
                crate::text::boundary_before(sentence, i)
                    && crate::text::boundary_after(sentence, i + w.len())
            })
        })
}

fn has_you(sentence: &str) -> bool {
    ["you", "your", "you've", "youve", "ur", "u"]
        .iter()
        .any(|w| {
            sentence.match_indices(w).any(|(i, _)| {
                crate::text::boundary_before(sentence, i)
                    && crate::text::boundary_after(sentence, i + w.len())
            })
        })
}

/// A general opening ("if you have", "people with") earlier in the sentence.
fn general_before(doc: &Document, at: usize) -> bool {
    let s = doc.sentence_at(at);
    OPENERS.contains_in(&doc.lower[s.start.min(at)..at])
}

fn tail<'d>(doc: &'d Document, at: usize) -> &'d str {
    let s = doc.sentence_at(at);
    let mut start = at.saturating_sub(48).max(s.start);
    while !doc.lower.is_char_boundary(start) {
        start += 1;
    }
    &doc.lower[start..at]
}

impl Rule for PersonalAdvice {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for (span, _) in CONDITION.find_iter(doc) {
            let sentence = doc.sentence_lower(span.start);
            let before = tail(doc, span.start);
            let after = &doc.lower[span.end..];
            let m = if has_you(sentence) || addressed(sentence) {
                DIAGNOSE.find(before)
            } else {
                None
            }
            .or_else(|| {
                if addressed(sentence) {
                    DIAGNOSE_WEAK.find(before)
                } else {
                    None
                }
            });
            let Some(m) = m else { continue };
            if (GENERAL_LEX.contains_in(sentence) && !sentence.contains('@'))
                || general_before(doc, span.start)
                || NOT_A_DIAGNOSIS.iter().any(|w| after.starts_with(w))
                || context::negated_before(doc, span.start, 20)
            {
                continue;
            }
            let begin = span.start - (before.len() - m.start());
            out.push(Hit::new(
                &INFO,
                begin..span.end,
                Severity::Medium,
                "Diagnosing someone from a post, without a consultation, can miss something serious.",
            ));
            return;
        }
        for (span, index) in MEDICINE.find_iter(doc) {
            let sentence = doc.sentence_lower(span.start);
            if GENERAL_LEX.contains_in(sentence)
                || general_before(doc, span.start)
                || ANTI.contains_in(sentence)
                || context::negated_before(doc, span.start, 30)
            {
                continue;
            }
            let before = tail(doc, span.start);
            let generic = GENERIC_MEDICINE.contains(MEDICINES[index]);
            let directive = if let Some(c) = CHANGE.captures(before) {
                // "stop the amlodipine" needs someone addressed; "stop your" already is.
                let possessive = c.get(1).is_some_and(|g| !g.as_str().starts_with("the"));
                let m = c.get(0).expect("group 0");
                (possessive || addressed(sentence)).then_some(m.start())
            } else if !generic && addressed(sentence) {
                TAKE.find(before).map(|m| m.start())
            } else {
                None
            };
            let Some(offset) = directive else { continue };
            let begin = span.start - (before.len() - offset);
            out.push(
                Hit::new(
                    &INFO,
                    begin..span.end,
                    Severity::Medium,
                    "Telling one person to start, stop or change a medicine, without a consultation, can harm them.",
                )
                .suggest("speak to your GP or pharmacist about"),
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&PersonalAdvice);
    }

    #[test]
    fn spans_verb_and_medicine() {
        let got = hits(
            &PersonalAdvice,
            "Double your sertraline, you'll feel better in a week",
        );
        assert_eq!(got[0].0, "Double your sertraline");
        assert_eq!(got[0].1, Severity::Medium);
    }
}
