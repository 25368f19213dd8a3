//! Undisclosed interests: discount codes and affiliate links with no "#ad", "paid
//! partnership", "gifted" or "affiliate" anywhere in the post, and self-promotion with
//! credentials nobody can check ("the UK's leading injector"). A code that is not a
//! discount ("use code BLUE in the lift") and a disclosed partnership pass.
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::promotion::{DISCLOSURES, OVERSTATED};
use crate::text::{regex_cased, regex_lower, Document, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

pub struct UndisclosedPromotion;

static INFO: RuleInfo = rule_info! {
    id: "undisclosed-promotion",
    category: Category::UndisclosedInterest,
    flags: &[
        "Loving this supplement, use code DRJO20 for 20% off",
        "My go-to stethoscope, grab one here amzn.to/3xYz12",
        "These compression socks saved my night shifts! Discount code: NURSEAMY15",
        "Best scrubs I've ever owned - 15% off with my code SARAHRN",
        "As the UK's leading injector I only use the best products",
        "Collagen changed my skin. Promo code GLOWDOC at checkout",
    ],
    passes: &[
        "#ad Paid partnership with X - I was paid for this post. Use code DRJO20 for 20% off",
        "use code BLUE in the lift",
        "Code review of the trust's new app",
        "Gifted by the brand: use my code NURSEJO10 for 10% off",
        "Dress code for the conference is smart casual",
        "Affiliate link below, I earn a small commission: amzn.to/3abc",
    ],
};

static CODE: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r#"\b(?:(?:use|with|enter|apply|using)\s+(?:my\s+|the\s+|our\s+|this\s+)?(?:discount\s+|promo\s+|voucher\s+|coupon\s+)?code|(?:discount|promo|voucher|coupon|my|affiliate)\s+code|code)\s*:?\s*["'\u{201c}]?([a-z0-9][a-z0-9_-]{2,19})\b|\b(?:use|enter|apply|using)\s+(?:my\s+|the\s+)?([a-z0-9][a-z0-9_-]{2,19})\s+(?:discount\s+|promo\s+)?code\b"#,
    )
});
static AFFILIATE: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:amzn\.to|amzn\.eu|rstyle\.me|liketk\.it|go\.magik\.ly|shopmy\.us|bit\.ly/[a-z0-9]+\?ref)\b|[?&](?:tag|ref|aff|affiliate|affid)=",
    )
});
/// A capitalised code without the word "code": "15% off with JOGPHYSIO15", "use DRLUCY".
static BARE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    regex_cased(
        r"\b(?:[Uu]se|[Ww]ith|[Uu]sing|[Ee]nter|[Aa]pply|[Cc]ode)\s+([A-Z][A-Z0-9_-]{3,19})\b",
    )
});
static DISCLOSED: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(DISCLOSURES));
static OVER: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(OVERSTATED));

/// Words that show a code is worth money.
const DISCOUNT: crate::rulebook::Words = crate::words![
    "% off",
    "percent off",
    " off ",
    " off!",
    " off.",
    "discount",
    "save",
    "saving",
    "free",
    "deal",
    "offer",
    "checkout",
    "check out",
    "at the till",
    "£",
    "$",
    "€",
    "shop",
    "order",
];

/// Endorsement words: a capitalised code in a recommendation is a promo code.
const ENDORSE: crate::rulebook::Words = crate::words![
    "swear by",
    "recommend",
    "fave",
    "favourite",
    "favorite",
    "love",
    "loving",
    "obsessed",
    "game changer",
    "game-changer",
    "holy grail",
    "must-have",
    "must have",
    "get yours",
    "grab",
    "shop",
    "buy",
    "order",
    "brand",
    "changed my",
    "saved my",
    "can't live without",
];

/// Words that are "code" in ordinary work talk.
const NOT_CODES: crate::rulebook::Words = crate::words![
    "blue", "red", "black", "review", "reviews", "of", "for", "and", "to", "the", "is", "in", "on",
    "a", "an", "it", "was", "status", "word", "words", "name", "names", "set", "sets", "from",
    "dress", "zip", "post", "bar", "qr", "source", "read", "snomed", "icd", "conduct", "green",
    "amber", "stroke", "sepsis", "trauma", "orange", "pink", "purple", "white", "yellow", "brown",
    "silver", "gold", "grey", "below", "above", "here",
];

/// Capitalised words after "use" or "with" that are acronyms, not codes.
const ACRONYMS: crate::rulebook::Words = crate::words![
    "NHS", "NICE", "BNF", "SBAR", "ABCDE", "NEWS", "NEWS2", "PPE", "CPAP", "BIPAP", "NIV", "GCS",
    "AVPU", "SOCRATES", "DNACPR", "RESPECT", "ECG", "FAST", "BEFAST", "ASAP", "EPR", "EMIS",
    "SYSTMONE", "ICE", "PEWS", "MEWS", "MUST", "QSOFA", "SEPSIS", "STOP", "CAUTION",
];

/// Hashtag disclosures need an exact check: "#ad" must not be the start of "#adhd".
fn disclosed(doc: &Document) -> bool {
    DISCLOSED.find_iter(doc).any(|(span, _)| {
        let phrase = &doc.lower[span.clone()];
        phrase != "ad:" || doc.lower[..span.start].trim().is_empty()
    })
}

impl Rule for UndisclosedPromotion {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        let mut hit = None;
        // Money words anywhere in the post: asked once, and only when a code is found.
        let discount = std::cell::OnceCell::new();
        let discount = || {
            *discount.get_or_init(|| {
                DISCOUNT.iter().any(|w| doc.lower.contains(w))
                    || crate::rules::context::has_word(&doc.lower, "off")
            })
        };
        let endorse = std::cell::OnceCell::new();
        for caps in CODE.captures_iter(&doc.lower) {
            let Some(code) = caps.get(1).or_else(|| caps.get(2)) else {
                continue;
            };
            if NOT_CODES.contains(code.as_str()) {
                continue;
            }
            let token = &doc.text[code.range()];
            let mixed = token.bytes().any(|b| b.is_ascii_digit())
                && token.bytes().any(|b| b.is_ascii_alphabetic());
            let shouty = token.len() >= 4 && token.bytes().all(|b| !b.is_ascii_lowercase());
            let money = discount()
                || *endorse.get_or_init(|| ENDORSE.iter().any(|w| doc.lower.contains(w)));
            if money && (mixed || shouty) || mixed && shouty {
                hit = Some((caps.get(0).expect("group 0").range(), "A discount code shows a commercial interest; say so with #ad or \"affiliate\"."));
                break;
            }
        }
        if hit.is_none() {
            for caps in BARE_CODE.captures_iter(doc.text) {
                let token = caps.get(1).expect("group 1").as_str();
                let lower = token.to_ascii_lowercase();
                if discount() && !NOT_CODES.contains(lower.as_str()) && !ACRONYMS.contains(token) {
                    hit = Some((caps.get(0).expect("group 0").range(), "A discount code shows a commercial interest; say so with #ad or \"affiliate\"."));
                    break;
                }
            }
        }
        if hit.is_none() {
            if let Some(m) = AFFILIATE.find(&doc.lower) {
                hit = Some((
                    m.range(),
                    "An affiliate link earns you money; say so with #ad or \"affiliate link\".",
                ));
            }
        }
        if hit.is_none() {
            for (span, _) in OVER.find_iter(doc) {
                let sentence = doc.sentence_lower(span.start);
                let self_promo = [
                    "i'm",
                    "i am",
                    "im ",
                    "as the",
                    "as a",
                    "we're",
                    "we are",
                    "our clinic",
                    "my clinic",
                    "book",
                    "i ",
                ]
                .iter()
                .any(|w| sentence.contains(w));
                if self_promo {
                    out.push(Hit::new(
                        &INFO,
                        span,
                        Severity::High,
                        "Superlative credentials nobody can verify are misleading in self-promotion.",
                    ));
                    return;
                }
            }
        }
        if let Some((span, message)) = hit {
            if !disclosed(doc) {
                let disclosed_text = format!("#ad {}", &doc.text[span.clone()]);
                out.push(Hit::new(&INFO, span, Severity::High, message).suggest(disclosed_text));
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
        assert_examples(&UndisclosedPromotion);
    }

    #[test]
    fn code_span_and_severity() {
        let got = hits(
            &UndisclosedPromotion,
            "Loving this supplement, use code DRJO20 for 20% off",
        );
        assert_eq!(got[0].0, "use code DRJO20");
        assert_eq!(got[0].1, Severity::High);
    }

    #[test]
    fn adhd_is_not_a_disclosure() {
        assert!(!hits(
            &UndisclosedPromotion,
            "#adhd friendly planner, use code PLAN20 for 20% off"
        )
        .is_empty());
    }
}
