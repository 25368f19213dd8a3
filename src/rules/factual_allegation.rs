//! Defamation: stating as fact that a named or identifiable person or organisation is
//! negligent, dishonest or criminal ("Dr Smith at Harley Aesthetics uses fake filler",
//! "St Mary's covered up the baby deaths"). Reporting published findings with a source,
//! hedged or clearly-framed opinion, and general warnings ("how to spot fake filler") pass.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::allegations::{ALLEGATIONS, IDENTIFIABLE, NAMED_TARGET, REPORTED};
use crate::text::{regex_cased, Document, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

pub struct FactualAllegation;

static INFO: RuleInfo = rule_info! {
    id: "factual-allegation",
    category: Category::Defamation,
    flags: &[
        "Dr Smith at Harley Aesthetics uses fake filler",
        "St Mary's covered up the baby deaths",
        "Glow Skin Clinic are scammers, they dilute their botox",
        "@DrJonesMD is a fraud who lied about his qualifications",
        "Our CEO fiddled the waiting list figures to hit targets",
        "Mr Grant butchered my friend's knee and should be struck off",
    ],
    passes: &[
        "The inquiry found failings at the trust (link to report)",
        "How to spot fake filler: ask to see the box and batch number",
        "In my opinion the trust's response to the report was inadequate",
        "Dr Smith was convicted of fraud in 2019, the court heard",
        "Great talk by Dr Patel on fraud prevention in prescribing",
        "St Mary's has been rated outstanding by the CQC",
    ],
};

static ALLEGATION: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(ALLEGATIONS));
static IDENT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(IDENTIFIABLE));
static REPORT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(REPORTED));
static NAMED: LazyLock<Regex> = LazyLock::new(|| regex_cased(NAMED_TARGET));

/// Talks, awards and teaching about a topic, not an accusation ("talk on fraud").
const TOPIC_WORDS: crate::rulebook::Words = crate::words![
    "talk on",
    "talk about",
    "lecture on",
    "teaching on",
    "session on",
    "webinar on",
    "prevention",
    "awareness",
    "training on",
    "course on",
    "paper on",
    "research on",
];

impl Rule for FactualAllegation {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Hit>) {
        let mut reported_post: Option<bool> = None;
        for (span, _) in ALLEGATION.find_iter(doc) {
            let sentence_span = doc.sentence_at(span.start);
            let sentence = &doc.lower[sentence_span.clone()];
            let named = NAMED.is_match(&doc.text[sentence_span.clone()])
                || IDENT.contains_in(sentence)
                || (!ctx.workplace.is_empty() && ctx.workplace.contains_in(sentence));
            if !named
                || REPORT.contains_in(sentence)
                || TOPIC_WORDS.iter().any(|w| sentence.contains(w))
                || context::negated_before(doc, span.start, 16)
            {
                continue;
            }
            if *reported_post.get_or_insert_with(|| {
                [
                    "(link",
                    "http",
                    "www.",
                    "link below",
                    "link in comments",
                    "the report",
                ]
                .iter()
                .any(|w| doc.lower.contains(w))
            }) {
                continue;
            }
            out.push(Hit::new(
                &INFO,
                span,
                Severity::High,
                "Stating as fact that an identifiable person or organisation is dishonest, negligent or criminal can be defamatory.",
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
        assert_examples(&FactualAllegation);
    }

    #[test]
    fn spans_the_allegation() {
        let got = hits(&FactualAllegation, "St Mary's covered up the baby deaths");
        assert_eq!(got[0].0, "covered up");
        assert_eq!(got[0].1, Severity::High);
    }
}
