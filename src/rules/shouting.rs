//! Posting in anger: a sentence shouted in capitals, or stacked "!!!" / "?!?!", with angry
//! words around it. Acronyms (NHS, ICU, GMC, COVID), hashtags, mentions and links are not
//! shouting, and excitement ("SO proud of our team!!") is not anger: the rule wants more
//! angry than happy words near the shouting.
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::tone::{ACRONYMS, ANGER, EXASPERATED, POSITIVE};
use crate::text::{Document, Lexicon};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

pub struct Shouting;

static INFO: RuleInfo = rule_info! {
    id: "shouting",
    category: Category::HeatedTone,
    flags: &[
        "I'M DONE WITH THIS PLACE, HOW DARE THEY",
        "WHY IS THE ROTA NEVER OUT ON TIME. ABSOLUTE JOKE",
        "Third cancelled leave request this month!!! Sick of it",
        "who signed off this rota?!?! seriously",
        "NOBODY CARES ABOUT NURSES IN THIS TRUST",
        "so the car park fees went up AGAIN!!! disgraceful",
    ],
    passes: &[
        "NHS ICU GMC BMA updates for this week",
        "SO proud of our team!!",
        "HUGE CONGRATULATIONS TO OUR NEWLY QUALIFIED NURSES!!!",
        "New COVID and RSV guidance from UKHSA: read it here https://example.org/GUIDANCE",
        "Who's on nights tonight???",
        "#NHSHEROES #ICU #NURSESDAY",
        "Why do we ask about carers? Because it matters.",
    ],
};

static ACRO: LazyLock<HashSet<&'static str>> = LazyLock::new(|| ACRONYMS.iter().collect());
static ANGRY: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(ANGER));
static EXASP: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(EXASPERATED));
static HAPPY: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(POSITIVE));

/// Capital words and all words in a sentence, skipping acronyms, tags, mentions, links and
/// tokens with digits. Returns (shouted words, counted words, span of the shouted part).
fn caps_profile(text: &str, s: &Range<usize>) -> (usize, usize, Range<usize>) {
    let (mut caps, mut total) = (0, 0);
    let mut first = usize::MAX;
    let mut last = 0;
    for (off, tok) in split_ws(&text[s.clone()]) {
        if tok.starts_with('#')
            || tok.starts_with('@')
            || tok.contains("://")
            || tok.starts_with("www.")
        {
            continue;
        }
        let word = tok.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if word.is_empty() || word.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let letters = word.bytes().filter(|b| b.is_ascii_alphabetic()).count();
        if letters == 0 {
            continue;
        }
        let core: String = word.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        if !word.contains('\'')
            && (ACRO.contains(core.as_str()) || ACRO.contains(core.trim_end_matches('S')))
        {
            continue;
        }
        total += 1;
        if letters >= 2 && word.bytes().all(|b| !b.is_ascii_lowercase()) {
            caps += 1;
            let start = s.start
                + off
                + (tok.len()
                    - tok
                        .trim_start_matches(|c: char| !c.is_ascii_alphanumeric())
                        .len());
            first = first.min(start);
            last = last.max(start + word.len());
        }
    }
    let span = if caps > 0 { first..last } else { 0..0 };
    (caps, total, span)
}

fn split_ws(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_ascii_whitespace()
        .map(move |t| (t.as_ptr() as usize - s.as_ptr() as usize, t))
}

/// More angry words than happy ones around `span`.
fn angry(doc: &Document, span: &Range<usize>) -> bool {
    let w = doc.window(span, 120, 120);
    let a = ANGRY.find_in(w, 0).count();
    let h = HAPPY.find_in(w, 0).count();
    if a > 0 && a > h {
        return true;
    }
    // "WHY DO PEOPLE...", "Why?! Why does..." with nothing happy around.
    let s = doc.sentence_lower(span.start);
    h == 0 && EXASP.contains_in(s) && !s.contains("how to")
}

impl Rule for Shouting {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        let bytes = doc.text.as_bytes();
        for s in doc.sentences() {
            let text = &doc.text[s.clone()];
            if text.bytes().filter(|b| b.is_ascii_uppercase()).count() >= 6 {
                let (caps, total, span) = caps_profile(doc.text, s);
                if caps >= 3 && caps * 10 >= total * 6 && angry(doc, s) {
                    out.push(Hit::new(&INFO, span, Severity::Low, "Shouting in capitals reads as posting in anger; consider waiting before you post."));
                    continue;
                }
            }
            // Stacked "!!!" or "?!?": find the first run of three or more.
            let mut i = s.start;
            while i < s.end {
                if matches!(bytes[i], b'!' | b'?') {
                    let mut j = i;
                    while j < s.end && matches!(bytes[j], b'!' | b'?') {
                        j += 1;
                    }
                    let run = &bytes[i..j];
                    let stacked = run.len() >= 3 && (run.contains(&b'!') || run.len() >= 4)
                        || run.len() >= 2 && run.contains(&b'!') && run.contains(&b'?');
                    if stacked && angry(doc, s) {
                        out.push(Hit::new(&INFO, s.clone(), Severity::Low, "Stacked punctuation and angry words read as posting in anger; consider waiting before you post."));
                        break;
                    }
                    i = j;
                } else {
                    i += 1;
                }
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
        assert_examples(&Shouting);
    }

    #[test]
    fn span_covers_the_shouting() {
        let got = hits(
            &Shouting,
            "Honestly. I'M DONE WITH THIS PLACE, HOW DARE THEY",
        );
        assert_eq!(got[0].0, "I'M DONE WITH THIS PLACE, HOW DARE THEY");
        assert_eq!(got[0].1, Severity::Low);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for t in [
            "",
            "!!!",
            "?!?!?!",
            "ÉÉÉ ÀÀÀ ÔÔÔ!!!",
            "🙂 HATE 🙂 THIS 🙂 PLACE",
        ] {
            let _ = hits(&Shouting, t);
        }
    }
}
