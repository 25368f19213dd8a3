//! Slurs about race, religion, sexuality, gender identity and disability, plain or disguised
//! ("p*ki", "f4ggot"). Whole words only, with an allow-list for the innocent neighbours of a
//! few of them (faggots and peas, spastic diplegia, Offa's Dyke). A post reporting abuse the
//! writer received ("a patient called me a ...") is an account of racism, not racism.
use super::context;
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::discrimination::{EQUITY_FRAME, SLURS, SLUR_ALLOW};
use crate::text::obfuscation::matches_word;
use crate::text::{Document, Lexicon};
use std::ops::Range;
use std::sync::LazyLock;

pub struct DiscriminatorySlur;

static INFO: RuleInfo = rule_info! {
    id: "discriminatory-slur",
    category: Category::Discrimination,
    flags: &[
        "Another paki shop owner in resus tonight",
        "some tranny in majors demanding a female nurse",
        "stop being such a retard and read the notes",
        "lol the spastic in bay 3 again",
        "why do f*ggots always get the good shifts",
        "the gyppos on the site by the hospital are at it again",
    ],
    passes: &[
        "Faggots and peas in the canteen today, proper northern",
        "Spastic diplegia: a physio update for the team",
        "Walking Offa's Dyke for the children's ward charity",
        "A patient called me a paki today. Racism in the NHS is real and it hurts.",
        "Pakistani heritage month - celebrating our colleagues",
        "Flame retardant gowns arrive next week",
        "Chink in the armour: what our audit found",
    ],
};

static SLUR: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(SLURS));
static ALLOW: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(SLUR_ALLOW));
static REPORTED: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(EQUITY_FRAME));

fn allowed(doc: &Document, span: &Range<usize>) -> bool {
    ALLOW.contains_in(doc.window(span, 24, 24)) || REPORTED.contains_in(doc.window(span, 120, 160))
}

/// The slur, and when it is aimed at a patient, a derogatory-patient hit as well.
fn push(doc: &Document, out: &mut Vec<Hit>, span: Range<usize>) {
    context::derogatory_if_aimed_at_patient(doc, &INFO, &span, out);
    out.push(hit(span));
}

fn hit(span: Range<usize>) -> Hit {
    Hit::new(
        &INFO,
        span,
        Severity::Critical,
        "This is a slur: it demeans people for who they are.",
    )
    .suggest("[remove]")
}

impl Rule for DiscriminatorySlur {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for (span, _) in SLUR.find_iter(doc) {
            // "Dyke Road", "Mong Kok": a capitalised slur-word inside a name is a place.
            if !allowed(doc, &span) {
                push(doc, out, span);
            }
        }
        for d in doc.disguised() {
            if !d.form.bytes().any(|b| b.is_ascii_alphabetic()) || d.form.len() < 4 {
                continue;
            }
            // Mostly hidden ("f***") could be any word: want half the letters visible.
            let visible = d.form.bytes().filter(|b| b.is_ascii_alphabetic()).count();
            if d.wild && (visible < 2 || visible * 2 < d.form.len()) {
                continue;
            }
            if SLURS
                .iter()
                .any(|w| w.len() >= 4 && matches_word(&d.form, d.wild, w))
                && !allowed(doc, &d.span)
            {
                push(doc, out, d.span.clone());
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
        assert_examples(&DiscriminatorySlur);
    }

    #[test]
    fn critical_with_span() {
        let got = hits(&DiscriminatorySlur, "lol the spastic in bay 3 again");
        assert!(got.iter().all(|g| g.0 == "spastic"));
        assert!(got.contains(&(
            "spastic".into(),
            Severity::Critical,
            Category::Discrimination
        )));
        // Aimed at a patient: mocking a patient as well.
        assert!(got.contains(&(
            "spastic".into(),
            Severity::High,
            Category::DerogatoryPatient
        )));
    }

    #[test]
    fn disguised_slur() {
        let got = hits(
            &DiscriminatorySlur,
            "why do f*ggots always get the good shifts",
        );
        assert_eq!(got[0].0, "f*ggots");
    }
}
