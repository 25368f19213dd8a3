//! Workplace disputes in public: insulting colleagues, managers, the employer or a ward
//! ("Our useless reg left me alone again", "Ward 7 management are a joke"). System critique
//! ("rota gaps are unsafe nationally"), reflection on how the writer felt, and praise are
//! left alone. Naming the person (a title and surname, or a workplace term the user has
//! entered) raises the finding to high.
use super::{context, hostile_phrase, Context, Hit, Rule, RuleInfo};
use crate::model::{Category, Severity};
use crate::rulebook::allegations::REPORTED;
use crate::rulebook::tone::THREATS;
use crate::rulebook::workplace::{
    CONSTRUCTIVE, INSULTS, REPORTED_OR_VICTIM, SELF_OR_NEGATED, TARGETS,
};
use crate::text::{regex_cased, Document, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

pub struct ColleagueAttack;

static INFO: RuleInfo = RuleInfo {
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
    ],
};

/// Insults, then threats: a threat is a workplace attack when it is aimed at a colleague.
static INSULT_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| INSULTS.iter().chain(THREATS).copied().collect());
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
const ACCUSATIONS: &[&str] = &[
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
const PRONOUNS: &[&str] = &["he", "she", "they", "him", "her"];

/// Targets that are also places: "on the ward", "in A&E" say where, not whom.
const PLACE_TARGETS: &[&str] = &[
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
const LOCATIVE: &[&str] = &[
    "on", "in", "at", "to", "from", "onto", "into", "off", "around", "across", "near", "round",
];

/// Verbs that report someone else's words: "said my summary was 'a disgrace'".
const SAID: &[&str] = &[
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
    if !PLACE_TARGETS.contains(&target) {
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
    LOCATIVE.contains(&last)
}

/// A constructive word in the sentence that is not negated ("never say thank you" is not
/// gratitude).
fn constructive(sentence: &str) -> bool {
    SOFT.find_in(sentence, 0).any(|(r, _)| {
        let mut start = r.start.saturating_sub(16);
        while !sentence.is_char_boundary(start) {
            start -= 1;
        }
        !context::has_negation(&sentence[start..r.start])
    })
}

/// The insult is quoted from someone else's words: a quote mark right before it and a
/// reporting verb earlier in the sentence.
fn quoted_report(doc: &Document, span: &std::ops::Range<usize>) -> bool {
    let before = &doc.lower[..span.start];
    let quoted = before.ends_with(['\'', '"', '\u{2018}', '\u{201c}']);
    quoted && {
        let lead = context::sentence_before(doc, span.start, 80);
        SAID.iter().any(|w| context::has_word(lead, w))
    }
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
            if index >= INSULTS.len() {
                // A threat: only when aimed at a colleague, named or addressed by role (not
                // "my team", on whose behalf it is made), and not advice ("watch your back
                // when lifting").
                let addressed = TARGET.find_in(sentence, 0).any(|(r, i)| {
                    !PRONOUNS.contains(&TARGETS[i])
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
            if quoted_report(doc, &span) {
                continue;
            }
            let mut targets = TARGET.find_in(scope, 0).map(|(r, i)| (r, TARGETS[i]));
            // A place is a target when someone named is there ("Dr Harris is a liar and
            // everyone at the practice knows it"), not when it only says where the writer was.
            let target = targets.any(|(r, t)| {
                if !named && locative(scope, r.start, t) {
                    return false;
                }
                !PRONOUNS.contains(&t) || {
                    *work_in_post.get_or_insert_with(|| {
                        TARGET
                            .find_iter(doc)
                            .any(|(_, i)| !PRONOUNS.contains(&TARGETS[i]))
                    })
                }
            });
            // Accusations ("liar", "fraud") are workplace disputes only about colleagues or
            // the employer; about anyone else they are the defamation rule's concern.
            let accusation = ACCUSATIONS.contains(&word);
            if accusation && REPORTS.contains_in(sentence) {
                continue;
            }
            if !(target || named && !accusation) {
                continue;
            }
            // "I felt useless", "not lazy", "never rude": about the writer or negated.
            let before = doc.window(&(span.start..span.start), 20, 0);
            if SELF.contains_in(before) || (!named && constructive(sentence)) {
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
}
