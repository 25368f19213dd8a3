//! Workplace disputes in public: insulting colleagues, managers, the employer or a ward
//! ("Our useless reg left me alone again", "Ward 7 management are a joke"). System critique
//! ("rota gaps are unsafe nationally"), reflection on how the writer felt, and praise are
//! left alone. Naming the person (a title and surname, or a workplace term the user has
//! entered) raises the finding to high.
use super::{context, hostile_phrase, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::allegations::REPORTED;
use crate::rulebook::tone::THREATS;
use crate::rulebook::workplace::{
    CONSTRUCTIVE, INSULTS, REPORTED_OR_VICTIM, SELF_OR_NEGATED, TARGETS, WEAK_INSULTS,
};
use crate::text::{regex_cased, Document, Lexicon};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct ColleagueAttack;

static INFO: RuleInfo = rule_info! {
    id: "colleague-attack",
    category: Category::WorkplaceDispute,
    flags: &[
        "Our manager can fuck right off with her 'wellbeing' emails",
        "Our useless reg left me alone again",
        "Ward 7 management are a joke",
        "Dr Patel is the laziest consultant I've ever met",
        "night staff couldn't be arsed to do a single set of obs",
        "Matron is a power-tripping bully and everyone knows it",
        "The trust execs don't care about staff, utterly pathetic",
        "Our new matron is honestly awful",
        "i know where you park, Dr 'I don't do referrals after 5'",
        "the surgeons here think they're gods. arrogant, rude, and they never say thank you",
        "Radiology are a nightmare to deal with",
        "Shout out to the night co-ordinator who told me to get on with it. Thanks for nothing",
        "Locum consultant this week was a disaster, went home at 5",
        "Our practice nurse is lovely with patients and absolutely horrible to the rest of us",
        "the charge nurse on nights is a dictator, no breaks unless you grovel",
        "the on-call consultant is 'uncontactable' again. Shocking behaviour.",
    ],
    passes: &[
        "To whoever left that review calling our nurses lazy - shame on you",
        "yet another drunk idiot in majors abusing the nurses",
        "Rota gaps are unsafe nationally - BMA data attached (link)",
        "Shout out to our amazing reg who stayed late to help me",
        "I felt useless on my first night shift, it gets better",
        "This printer is useless",
        "Management of DKA: a quick refresher for the team",
        "We need better rota systems across the NHS, not more goodwill",
        "My consultant said my discharge summary was 'a disgrace' and honestly? fair.",
        "How dare anyone say nurses are greedy for wanting fair pay",
        "Hopeless at cannulas when I started on the ward, now I'm the go-to",
        "Awful night on the ward, three arrests before midnight",
        "I'll make sure you regret complaining about my team",
        "When a senior is rude to you on shift, here's how to escalate it safely",
        "Resus was a disaster tonight but the team were incredible",
        "It's not the reg's fault the bleep system is awful, it's the trust's IT",
        "Don't let anyone tell you nurses are lazy. 13 hours, no break, still smiling.",
    ],
};

/// Insults, then threats (an attack when aimed at a colleague), then weak insults (an attack
/// when tied to a colleague by grammar): one list, so the text is scanned once.
static INSULT_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    INSULTS
        .iter()
        .chain(THREATS)
        .chain(WEAK_INSULTS)
        .copied()
        .collect()
});
const FIRST_WEAK: usize = INSULTS.len() + THREATS.len();
static INSULT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(INSULT_WORDS.iter()));
static TARGET: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(TARGETS));
static SOFT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(CONSTRUCTIVE));
static REPORTS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(REPORTED));
static NOT_THEIRS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(REPORTED_OR_VICTIM));
static SELF: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(SELF_OR_NEGATED));
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    regex_cased(
        r"\b(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sister|Sr|Matron|Nurse)\.? (?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b|['‘\x22“][A-Za-z])|@[A-Za-z0-9_]{2,}",
    )
});

/// Insults that are accusations of dishonesty.
const ACCUSATIONS: crate::rulebook::Words = crate::words![
    "liar",
    "liars",
    "lied",
    "fiddled",
    "falsified",
    "cooked the books",
    "corrupt",
    "fraud",
];

/// Pronouns only count as a target when a work target is elsewhere in the post.
const PRONOUNS: crate::rulebook::Words = crate::words!["he", "she", "they", "him", "her"];

/// Targets that are also places: "on the ward", "in A&E" say where, not whom.
const PLACE_TARGETS: crate::rulebook::Words = crate::words![
    "ward",
    "the ward",
    "this ward",
    "our ward",
    "a&e",
    "ed",
    "department",
    "the department",
    "our department",
    "the practice",
    "our practice",
    "reception",
];

/// Prepositions that make a place target a location ("hopeless at cannulas on the ward").
const LOCATIVE: crate::rulebook::Words = crate::words![
    "on", "in", "at", "to", "from", "onto", "into", "off", "around", "across", "near", "round",
];

/// Verbs that report someone else's words: "said my summary was 'a disgrace'".
const SAID: crate::rulebook::Words = crate::words![
    "said",
    "says",
    "called",
    "calls",
    "told",
    "tells",
    "wrote",
    "described",
];

/// `target` (found at `at` in `scope`) names a place the writer was in, not people.
fn locative(scope: &str, at: usize, target: &str) -> bool {
    if !PLACE_TARGETS.contains(target) {
        return false;
    }
    let mut before = scope[..at].trim_end();
    for det in ["the", "our", "my", "this", "their"] {
        if let Some(rest) = before.strip_suffix(det) {
            if rest.is_empty() || rest.ends_with(' ') {
                before = rest.trim_end();
                break;
            }
        }
    }
    let last = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    LOCATIVE.contains(last)
}

/// A constructive word in the sentence that is not negated ("never say thank you" is not
/// gratitude) and not part of the insult itself ("thanks for nothing").
fn constructive(sentence: &str, insult: &Range<usize>) -> bool {
    SOFT.find_in(sentence, 0).any(|(r, _)| {
        if r.start < insult.end && insult.start < r.end {
            return false;
        }
        let mut start = r.start.saturating_sub(16);
        while !sentence.is_char_boundary(start) {
            start -= 1;
        }
        !context::has_negation(&sentence[start..r.start])
    })
}

/// Words that tie a target to what follows: "our manager is awful", "the reg was so rude".
const COPULAS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "'s",
    "’s",
    "'re",
    "been",
    "be",
    "being",
    "seems",
    "seem",
    "looks",
    "so",
    "such",
    "really",
    "honestly",
    "just",
    "always",
    "absolutely",
    "completely",
    "genuinely",
    "truly",
    "utterly",
    "an",
    "a",
    "the",
    "most",
    "very",
    "total",
    "complete",
    "absolute",
    "bloody",
    "properly",
    "actually",
    "also",
];

/// Who an evaluative word is aimed at when it is followed by "to": "horrible to us".
const AIMED_AT: crate::rulebook::Words = crate::words![
    "me",
    "us",
    "the rest of us",
    "staff",
    "everyone",
    "juniors",
    "nurses",
    "students",
    "anyone",
    "the nurses",
    "the juniors",
    "the students",
    "the team",
    "new starters",
];

/// A weak insult in `sentence` tied to a person at work: right before the target ("an awful
/// manager", "horrible new matron") or after it with a linking verb and few words between
/// ("our manager is honestly awful"). Places ("the ward was a nightmare") do not count.
fn linked(sentence: &str, insult: &Range<usize>) -> bool {
    // "horrible to the rest of us", "awful to juniors": aimed at people by its own words, so
    // a colleague anywhere before it in the sentence is the one meant.
    let aimed = sentence[insult.end..]
        .strip_prefix(" to ")
        .is_some_and(|rest| {
            AIMED_AT
                .iter()
                .any(|w| rest.starts_with(w) && context::has_word(rest, w))
        });
    TARGET.find_in(sentence, 0).any(|(r, i)| {
        if aimed && r.end <= insult.start && !PLACE_TARGETS.contains(TARGETS[i]) {
            return true;
        }
        if PLACE_TARGETS.contains(TARGETS[i]) {
            return false;
        }
        if r.start >= insult.end {
            let gap = &sentence[insult.end..r.start];
            let words: Vec<&str> = gap.split_whitespace().collect();
            return words.len() <= 1
                && !gap.contains(|c: char| ".,;:!?-".contains(c))
                && words.iter().all(|w| !COPULAS.contains(w));
        }
        if r.end > insult.start {
            return false;
        }
        let gap = &sentence[r.end..insult.start];
        if gap.contains(|c: char| ".;:!?".contains(c)) {
            return false;
        }
        let words: Vec<&str> = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        words.len() <= 6
            && words
                .iter()
                .any(|w| COPULAS[..12].contains(w) || w.ends_with("'s") || w.ends_with("'re"))
            && !words
                .iter()
                .any(|w| ["and", "but", "when", "because", "after", "while"].contains(w))
    })
}

/// Verbs that report a claim: "how dare anyone say nurses are greedy".
const CLAIMED: crate::rulebook::Words = crate::words![
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "telling",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "call",
    "calls",
    "calling",
    "suggest",
    "suggests",
    "suggesting",
    "think",
    "thinks",
    "imply",
    "implying",
];

/// Who the writer is: "I'd say our manager is useless" is the writer's own claim.
const WRITER: crate::rulebook::Words =
    crate::words!["i", "i'd", "i'll", "we", "we'd", "honestly", "would", "must",];

/// The insult is someone else's words: quoted after a reporting verb ("said my summary was
/// 'a disgrace'"), or a claim reported a few words before it by someone other than the
/// writer about the target ("how dare anyone say nurses are greedy"; not "the consultant
/// thinks he can speak to me like that").
fn reported(doc: &Document, span: &Range<usize>) -> bool {
    let lead = context::sentence_before(doc, span.start, 80);
    let quoted = doc.lower[..span.start].ends_with(['\'', '"', '\u{2018}', '\u{201c}']);
    if quoted && SAID.iter().any(|w| context::has_word(lead, w)) {
        return true;
    }
    let words: Vec<&str> = lead
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // The claim is about the target, so the target comes after the verb.
    words
        .iter()
        .rposition(|w| CLAIMED.contains(w))
        .is_some_and(|v| {
            let after = words[v + 1..].join(" ");
            words.len() - v - 1 <= 5
                && v > 0
                && !WRITER.contains(words[v - 1])
                && TARGET
                    .find_in(&after, 0)
                    .any(|(_, i)| !PRONOUNS.contains(TARGETS[i]))
        })
}

impl Rule for ColleagueAttack {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Hit>) {
        let mut work_in_post: Option<bool> = None;
        for (span, index) in INSULT.find_iter(doc) {
            let sentence_span = doc.sentence_at(span.start);
            let sentence = &doc.lower[sentence_span.clone()];
            let named = NAMED.is_match(&doc.text[sentence_span.clone()])
                || (!ctx.workplace.is_empty() && ctx.workplace.contains_in(sentence));
            // The target may be named in the sentence before ("our practice manager.
            // Clueless doesn't begin to cover it").
            let near = doc.window(&span, 80, 40);
            let scope = if near.len() > sentence.len() {
                near
            } else {
                sentence
            };
            // The insult is someone else's ("calling our nurses lazy"), or the staff are
            // its victims ("drunk idiot abusing the nurses"): not aimed at colleagues.
            let lead = doc.window(&(span.start..span.start), 24, 0);
            let sentence_after = &doc.lower[span.end.min(sentence_span.end)..sentence_span.end];
            let victims = NOT_THEIRS
                .find_in(sentence_after, 0)
                .next()
                .is_some_and(|(v, _)| {
                    TARGET
                        .find_in(sentence_after, 0)
                        .any(|(t, _)| t.start > v.start)
                        && TARGET
                            .find_in(&doc.lower[sentence_span.start..span.start], 0)
                            .next()
                            .is_none()
                });
            if NOT_THEIRS.contains_in(lead) || victims {
                continue;
            }
            let word = INSULT_WORDS[index];
            if (INSULTS.len()..FIRST_WEAK).contains(&index) {
                // A threat: only when aimed at a colleague, named or addressed by role (not
                // "my team", on whose behalf it is made), and not advice ("watch your back
                // when lifting").
                let addressed = TARGET.find_in(sentence, 0).any(|(r, i)| {
                    !PRONOUNS.contains(TARGETS[i])
                        && !["my ", "our ", "about "]
                            .iter()
                            .any(|w| sentence[..r.start].ends_with(w))
                });
                if !(named || addressed)
                    || hostile_phrase::benign_after(doc, &span)
                    || context::teaching_frame(doc, &span)
                {
                    continue;
                }
                out.push(Hit::new(
                    &INFO,
                    span,
                    if named { Severity::High } else { Severity::Medium },
                    "Threatening a colleague in public is harassment; raise the problem through the right channel.",
                ));
                return;
            }
            if reported(doc, &span) {
                continue;
            }
            let in_sentence = span.start - sentence_span.start..span.end - sentence_span.start;
            if index >= FIRST_WEAK && !linked(sentence, &in_sentence) {
                continue;
            }
            let mut targets = TARGET.find_in(scope, 0).map(|(r, i)| (r, TARGETS[i]));
            // A place is a target when someone named is there ("Dr Harris is a liar and
            // everyone at the practice knows it"), not when it only says where the writer was.
            let target = targets.any(|(r, t)| {
                if !named && locative(scope, r.start, t) {
                    return false;
                }
                !PRONOUNS.contains(t) || {
                    *work_in_post.get_or_insert_with(|| {
                        TARGET
                            .find_iter(doc)
                            .any(|(_, i)| !PRONOUNS.contains(TARGETS[i]))
                    })
                }
            });
            // Accusations ("liar", "fraud") are workplace disputes only about colleagues or
            // the employer; about anyone else they are the defamation rule's concern.
            let accusation = ACCUSATIONS.contains(word);
            if accusation && REPORTS.contains_in(sentence) {
                continue;
            }
            if !(target || named && !accusation) {
                continue;
            }
            // "I felt useless", "not lazy", "never rude": about the writer or negated.
            let before = doc.window(&(span.start..span.start), 20, 0);
            if SELF.contains_in(before) || (!named && constructive(sentence, &in_sentence)) {
                continue;
            }
            let severity = if named {
                Severity::High
            } else {
                Severity::Medium
            };
            out.push(Hit::new(
                &INFO,
                span,
                severity,
                "Attacking colleagues or your employer in public undermines trust in the profession; raise it through the right channel.",
            ));
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
        assert_examples(&ColleagueAttack);
    }

    #[test]
    fn named_colleague_is_high() {
        let got = hits(
            &ColleagueAttack,
            "Dr Patel is the laziest consultant I've ever met",
        );
        assert_eq!(got[0].0, "laziest");
        assert_eq!(got[0].1, Severity::High);
        let got = hits(&ColleagueAttack, "Our useless reg left me alone again");
        assert_eq!(got[0].1, Severity::Medium);
    }

    #[test]
    fn a_threat_at_a_named_colleague_is_high() {
        let got = hits(
            &ColleagueAttack,
            "i know where you park, Dr 'I don't do referrals after 5'",
        );
        assert_eq!(got[0].0, "know where you park");
        assert_eq!(got[0].1, Severity::High);
        assert!(hits(&ColleagueAttack, "whoever keyed my car, watch your back").is_empty());
    }

    #[test]
    fn weak_words_need_a_grammatical_link_to_a_person() {
        for text in [
            "our manager is awful",
            "an awful manager, honestly",
            "the reg was so horrible to me",
        ] {
            assert!(!hits(&ColleagueAttack, text).is_empty(), "{text}");
        }
        for text in [
            "awful night, but the reg was great",
            "the ward was a nightmare tonight",
            "horrible weather for the porters walking in",
        ] {
            assert!(hits(&ColleagueAttack, text).is_empty(), "{text}");
        }
    }
}
