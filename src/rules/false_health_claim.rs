//! False health claims (misinformation): vaccines change DNA, MMR causes autism, COVID is a
//! hoax, "stop your statins", chemo is poison, natural cures for cancer. The same sentences
//! appear constantly in myth-busting posts, so a claim is only flagged when it is asserted:
//! not negated ("does not cause"), not framed as a myth or a claim being examined, not a
//! question, not in quotation marks.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::misinformation::{ClaimKind, AUTHORITY, CONSPIRACY, FALSE_CLAIMS, TRIGGERS};
use crate::text::{regex, regex_set, Document, Lexicon};
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

pub struct FalseHealthClaim;

static INFO: RuleInfo = rule_info! {
    id: "false-health-claim",
    category: Category::Misinformation,
    flags: &[
        "As a nurse I can tell you the vaccine changes your DNA",
        "The MMR jab causes autism, do your research",
        "covid was a hoax from start to finish #plandemic",
        "Stop taking your statins, cholesterol is a myth pushed by big pharma",
        "Chemo is poison. Go natural, your body can heal itself",
        "Ivermectin cures covid and they hid it from us",
        "Fluoride in tap water lowers your kids' IQ, fact",
        "I've seen it myself: apricot kernels cure cancer",
    ],
    passes: &[
        "Myth: mRNA vaccines change your DNA. Fact: they don't",
        "No, the MMR vaccine does not cause autism",
        "Why the 'vaccines cause autism' myth persists",
        "Patients often ask me if the vaccine changes their DNA. It doesn't - here's why",
        "Do vaccines cause autism? A thread on the evidence",
        "Statins: who benefits, and how to talk about side effects",
        "The claim that ivermectin cures covid has been debunked by large trials",
        "COVID is not a hoax: 200,000 deaths in the UK say otherwise",
    ],
};

static TRIGGER: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(TRIGGERS));
static CLAIMS: LazyLock<Vec<(Regex, &'static str, ClaimKind)>> = LazyLock::new(|| {
    FALSE_CLAIMS
        .iter()
        .map(|(p, what, kind)| (regex(p), *what, *kind))
        .collect()
});
/// All of `CLAIMS` at once: which claims occur in a sentence, in one pass.
static ANY_CLAIM: LazyLock<RegexSet> =
    LazyLock::new(|| regex_set(FALSE_CLAIMS.iter().map(|(p, _, _)| *p)));
static AUTHORITY_LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(AUTHORITY));
static CONSPIRACY_LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(CONSPIRACY));

/// Question openers: "Do vaccines cause autism?" asks, it does not assert.
const QUESTION_OPENERS: crate::rulebook::Words = crate::words![
    "do ", "does ", "can ", "could ", "is ", "are ", "will ", "would ", "should ", "has ", "have ",
    "did ", "q: ", "q. ",
];

fn is_question(sentence: &str) -> bool {
    sentence.trim_end().ends_with('?') && QUESTION_OPENERS.iter().any(|q| sentence.starts_with(q))
}

/// The claim sits inside quotation marks: it is being talked about.
fn quoted(lower: &str, start: usize) -> bool {
    let before = lower[..start].trim_end_matches(['#', ' ']);
    before.ends_with(['\'', '"', '\u{2018}', '\u{201c}'])
}

impl Rule for FalseHealthClaim {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        let mut last_sentence = usize::MAX;
        let authority = || AUTHORITY_LEX.contains_in(&doc.lower);
        for (span, _) in TRIGGER.find_iter(doc) {
            let si = doc.sentence_index(span.start);
            if si == last_sentence {
                continue;
            }
            last_sentence = si;
            let sentence = doc.sentence_at(span.start);
            let lower = &doc.lower[sentence.clone()];
            if is_question(lower) {
                continue;
            }
            for i in ANY_CLAIM.matches(lower).iter() {
                let (claim, what, kind) = &CLAIMS[i];
                let Some(m) = claim.find(lower) else { continue };
                let at = sentence.start + m.start();
                let end = sentence.start + m.end();
                let matched = &lower[m.range()];
                // Conspiracy framing elsewhere in the post ("pushed by big pharma").
                let conspiracy = CONSPIRACY_LEX.contains_in(&doc.lower[..at])
                    || CONSPIRACY_LEX.contains_in(&doc.lower[end..]);
                // "vaccines do not change your DNA": the negation sits inside the match.
                if context::negated_before(doc, at, 24)
                    || (*kind != ClaimKind::Denial && context::NEGATION_LEX.contains_in(matched))
                    || quoted(&doc.lower, at)
                    || (context::framed_as_myth(doc, at) && !conspiracy)
                    || (*kind == ClaimKind::StopTreatment && !conspiracy && !authority())
                {
                    continue;
                }
                let message = if authority() {
                    format!("Claiming {what}, with your professional authority, is false health information.")
                } else {
                    format!("Claiming {what} is false health information that can harm people.")
                };
                let span = at..end;
                out.push(Hit::new(&INFO, span, Severity::Critical, message));
                break;
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
        assert_examples(&FalseHealthClaim);
    }

    #[test]
    fn critical_and_spans_the_claim() {
        let got = hits(
            &FalseHealthClaim,
            "As a nurse I can tell you the vaccine changes your DNA",
        );
        assert_eq!(got[0].0, "vaccine changes your DNA");
        assert_eq!(got[0].1, Severity::Critical);
    }

    #[test]
    fn quoted_claims_pass() {
        assert!(hits(
            &FalseHealthClaim,
            "People still say \"vaccines cause autism\" at clinic"
        )
        .is_empty());
    }
}
