//! Health claims in advertising: prices and offers for prescription-only medicines ("Botox
//! £99 this weekend only!"), guarantees, "100% safe", "no side effects", cures, and
//! testimonials. The same words appear in news, research and safety advice ("Ozempic
//! shortage", "no side effects were reported in the placebo arm", "beware anyone who
//! guarantees results"), so the rule needs the post to read as an advert.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::promotion::{
    ABSOLUTE_CLAIMS, NOT_AN_AD, PRESCRIPTION_ONLY, RESULT_WORDS, TESTIMONIALS,
};
use crate::text::{Document, Lexicon};
use std::ops::Range;
use std::sync::LazyLock;

pub struct AdvertClaims;

static INFO: RuleInfo = rule_info! {
    id: "advert-claims",
    category: Category::HealthClaims,
    flags: &[
        "Botox £99 this weekend only! Guaranteed results",
        "Ozempic weight loss programme from £149 a month, DM to book",
        "Our herbal tea cures anxiety - order yours today",
        "Lip filler and anti-wrinkle injections, 100% safe with no side effects, book now",
        "Mounjaro now available at our clinic, limited slots",
        "Guaranteed weight loss or your money back! Link in bio",
    ],
    passes: &[
        "Ozempic shortage: what pharmacists need to know",
        "Botox for chronic migraine is NICE-approved - talk to your neurologist",
        "No side effects were reported in the trial's placebo arm",
        "Guaranteed to make you smile: our new clinic dog",
        "Beware anyone who guarantees results or says a treatment is 100% safe",
        "Antibiotic prescribing costs the NHS £200 million a year",
        "There is no cure for dementia yet, but good care changes lives",
    ],
};

static POM: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PRESCRIPTION_ONLY));
static CLAIM: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(ABSOLUTE_CLAIMS));
static RESULTS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(RESULT_WORDS));
static NOT_AD: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(NOT_AN_AD));
static TESTIMONIAL: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(TESTIMONIALS));

/// Words that make a price a cost statistic, not an offer.
const COST_TALK: &[&str] = &[
    "nhs",
    "costs",
    "cost the",
    "cost us",
    "spend",
    "spent",
    "million",
    "billion",
    "prescription charge",
    "per year",
    "a year",
    "budget",
];

/// Products and services a claim could be selling.
const PRODUCT_WORDS: &[&str] = &[
    "supplement",
    "supplements",
    "capsules",
    "tea",
    "product",
    "products",
    "cream",
    "serum",
    "programme",
    "program",
    "protocol",
    "package",
    "treatment",
    "treatments",
    "session",
    "sessions",
    "clinic",
    "drip",
    "drips",
    "iv drip",
    "injections",
    "filler",
    "fillers",
    "course",
    "plan",
    "our",
    "my",
    "book",
    "dm",
];

/// The span of the price starting at `at` in `text`: the sign, digits, and separators.
fn price_span(text: &str, at: usize) -> Range<usize> {
    let sign = text[at..].chars().next().map_or(1, char::len_utf8);
    let rest = &text[at + sign..];
    let digits = rest
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit() || ((c == '.' || c == ',') && i > 0) || (c == ' ' && i == 0))
        })
        .map_or(rest.len(), |(i, _)| i);
    let mut end = at + sign + digits;
    while end > at + sign && matches!(text.as_bytes()[end - 1], b'.' | b',' | b' ') {
        end -= 1;
    }
    at..end
}

fn has_word(haystack: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        haystack.match_indices(w).any(|(i, _)| {
            crate::text::boundary_before(haystack, i)
                && crate::text::boundary_after(haystack, i + w.len())
        })
    })
}

impl Rule for AdvertClaims {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        let advert = context::promotion_in(&doc.lower);
        let mut pom_in_post = false;
        for (span, _) in POM.find_iter(doc) {
            let sentence_span = doc.sentence_at(span.start);
            let sentence = &doc.lower[sentence_span.clone()];
            if NOT_AD.contains_in(sentence) || has_word(sentence, COST_TALK) {
                continue;
            }
            pom_in_post = true;
            let window = doc.window(&span, 60, 60);
            let price = context::price_at(window).map(|p| {
                // Map the window offset back to the text.
                let start = span.start.saturating_sub(60);
                let mut start = start;
                while !doc.lower.is_char_boundary(start) {
                    start -= 1;
                }
                price_span(doc.text, start + p)
            });
            if let Some(price) = price {
                out.push(
                    Hit::new(
                        &INFO,
                        price,
                        Severity::Critical,
                        "Prescription-only medicines may not be advertised to the public, and a price makes this an advert.",
                    )
                    .suggest(""),
                );
                return;
            }
            if advert {
                out.push(Hit::new(
                    &INFO,
                    span,
                    Severity::Critical,
                    "Prescription-only medicines may not be advertised to the public.",
                ));
                return;
            }
        }
        let selling = advert || pom_in_post;
        for (span, _) in CLAIM.find_iter(doc) {
            let sentence = doc.sentence_lower(span.start);
            let phrase = &doc.lower[span.clone()];
            if NOT_AD.contains_in(sentence) || context::negated_before(doc, span.start, 16) {
                continue;
            }
            if !(selling || has_word(sentence, PRODUCT_WORDS)) {
                continue;
            }
            if phrase.starts_with("guarantee") && !RESULTS.contains_in(doc.window(&span, 40, 40)) {
                continue;
            }
            let cure = phrase.starts_with("cure");
            if cure
                && !selling
                && !has_word(
                    sentence,
                    &[
                        "our",
                        "my",
                        "supplement",
                        "tea",
                        "product",
                        "protocol",
                        "programme",
                        "program",
                    ],
                )
            {
                continue;
            }
            let (severity, message) = if cure {
                (
                    Severity::Critical,
                    "Advertising a cure is a health claim no advert may make without proof.",
                )
            } else {
                (Severity::High, "Guarantees and absolute safety claims in health advertising are misleading: every treatment has risks.")
            };
            out.push(Hit::new(&INFO, span, severity, message).suggest(""));
            return;
        }
        if selling {
            if let Some((span, _)) = TESTIMONIAL.find_iter(doc).find(|(s, _)| {
                !NOT_AD.contains_in(doc.sentence_lower(s.start))
                    && !context::negated_before(doc, s.start, 16)
            }) {
                out.push(Hit::new(
                    &INFO,
                    span,
                    Severity::High,
                    "Patient testimonials in health advertising are restricted: results vary and reviews can mislead.",
                ));
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
        assert_examples(&AdvertClaims);
    }

    #[test]
    fn botox_price_is_critical_and_removable() {
        let got = hits(
            &AdvertClaims,
            "Botox £99 this weekend only! Guaranteed results",
        );
        assert_eq!(got[0].0, "£99");
        assert_eq!(got[0].1, Severity::Critical);
    }

    #[test]
    fn price_span_stops_at_the_number() {
        assert_eq!(price_span("£1,200.50 off", 0), 0..10);
        assert_eq!(price_span("$ 99, book", 0), 0..4);
    }
}
