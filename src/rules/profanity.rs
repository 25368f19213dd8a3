//! Profanity, obscenity, sexual content and abuse, including disguised spellings ("f*ck",
//! "sh1t", "fuuuuck", "a$$"). Whole-word matching keeps place names and clinical words safe
//! (Scunthorpe, Penistone, analgesia, cocktail, Dickens); words that are also names or
//! everyday words (Dick, cock, prick, tits) need lower case and no innocent neighbour.
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::profanity::{ABUSE, ALLOW_NEAR, CASED, MILD, STRONG};
use crate::text::obfuscation::matches_word;
use crate::text::{Document, Lexicon};
use std::ops::Range;
use std::sync::LazyLock;

pub struct Profanity;

static INFO: RuleInfo = rule_info! {
    id: "profanity",
    category: Category::OffensiveLanguage,
    flags: &[
        "what a fucking shift",
        "this rota is sh1t",
        "f*ck this place",
        "fuuuuuck I'm tired",
        "the reg is a total a$$",
        "absolute dickhead in the car park",
        "some prick parked in the ambulance bay",
        "tell him to kill yourself lol",
    ],
    passes: &[
        "Analgesia ladder refresher for our students",
        "Anal fissure: what to expect",
        "Great turnout at Scunthorpe General and Penistone practice today",
        "Cocktail party for the Sussex and Middlesex teams, Dickens themed",
        "Shiitake risotto at the assessment centre canteen",
        "Heel prick test done by our midwives at day 5",
        "Blue tits nesting outside the therapist's office window",
        "Hancock's statement on the Essex cockpit simulator",
        "Moby Dick book club for the night staff",
        "Penis fracture: a urology emergency",
    ],
};

/// All four lists in one automaton (one pass over the text): ABUSE, STRONG, MILD, CASED in
/// that order; an index tells which list a match came from.
static ALL: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(ABUSE.iter().chain(STRONG).chain(MILD).chain(CASED)));

enum Tier {
    Abuse,
    Strong(usize),
    Mild,
    Cased,
}

fn tier(i: usize) -> Tier {
    let (a, s, m) = (ABUSE.len(), STRONG.len(), MILD.len());
    if i < a {
        Tier::Abuse
    } else if i < a + s {
        Tier::Strong(i - a)
    } else if i < a + s + m {
        Tier::Mild
    } else {
        Tier::Cased
    }
}
static ALLOW: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(ALLOW_NEAR));

const WHY: &str = "Swearing or obscene language in public reflects on you and your profession.";

fn innocent(doc: &Document, span: &Range<usize>) -> bool {
    ALLOW.contains_in(doc.window(span, 16, 16))
}

/// Lower case or ALL CAPS: not a capitalised name like "Dick" or "Fanny".
fn not_a_name(doc: &Document, span: &Range<usize>) -> bool {
    let t = &doc.text[span.clone()];
    t.bytes().all(|b| !b.is_ascii_uppercase()) || t.bytes().all(|b| !b.is_ascii_lowercase())
}

impl Rule for Profanity {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for (span, i) in ALL.find_iter(doc) {
            let hit = match tier(i) {
                Tier::Abuse => Some((
                    Severity::High,
                    "Abuse aimed at someone is never acceptable from a professional.",
                )),
                Tier::Strong(j) if !(STRONG[j].len() <= 4 && innocent(doc, &span)) => {
                    Some((Severity::Medium, WHY))
                }
                Tier::Mild => Some((Severity::Low, WHY)),
                Tier::Cased if not_a_name(doc, &span) && !innocent(doc, &span) => {
                    Some((Severity::Medium, WHY))
                }
                _ => None,
            };
            if let Some((severity, why)) = hit {
                out.push(Hit::new(&INFO, span, severity, why).suggest("[remove]"));
            }
        }
        for d in doc.disguised() {
            let strong = STRONG
                .iter()
                .chain(CASED)
                .any(|w| !w.contains(' ') && w.len() >= 3 && matches_word(&d.form, d.wild, w));
            let mild = !strong
                && MILD
                    .iter()
                    .any(|w| !w.contains(' ') && w.len() >= 4 && matches_word(&d.form, d.wild, w));
            if strong || mild {
                let severity = if strong {
                    Severity::Medium
                } else {
                    Severity::Low
                };
                out.push(Hit::new(&INFO, d.span.clone(), severity, WHY).suggest("[remove]"));
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
        assert_examples(&Profanity);
    }

    #[test]
    fn disguised_spans() {
        let got = hits(&Profanity, "f**k this, sh!t day");
        let spans: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(spans, vec!["f**k", "sh!t"]);
        assert!(got.iter().all(|g| g.1 == Severity::Medium));
    }

    #[test]
    fn mild_is_low_and_abuse_is_high() {
        assert_eq!(hits(&Profanity, "wtf is this rota")[0].1, Severity::Low);
        assert_eq!(hits(&Profanity, "go on, kys")[0].1, Severity::High);
    }

    #[test]
    fn names_are_not_profanity() {
        assert!(hits(&Profanity, "Dick Whittington panto for the children's ward").is_empty());
    }
}
