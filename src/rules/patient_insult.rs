//! Insults aimed at patients as a group or one patient: "lazy fat patients", "stupid
//! relatives", "smelly pt in bay 3". An insulting adjective right before a word for patients
//! or their families. Clinical adjectives ("obese patients", "difficult conversations") are
//! not in the list, and teaching about "demanding patients" is not an insult.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::derogatory::PATIENT_FRAME;
use crate::text::{regex_lower, Document, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

pub struct PatientInsult;

static INFO: RuleInfo = rule_info! {
    id: "patient-insult",
    category: Category::DerogatoryPatient,
    flags: &[
        "lazy fat patients expecting us to hoist them when they can walk",
        "stupid relatives googling everything at 2am",
        "smelly pt in cubicle 3, gagging",
        "ungrateful patients complaining about the sandwiches",
        "Thick as mince parents in paeds tonight",
        "feral kids and their useless parents in minors again",
    ],
    passes: &[
        "Obese patients need the right equipment: bariatric hoists arrive next week",
        "Dealing with angry relatives: de-escalation workshop",
        "Grateful patients wrote us 30 cards this month",
        "My stupid car broke down on the way to work",
        "Lazy Sunday after nights, patients' cards on the fridge",
        "Difficult patients or difficult situations? Teaching session Thursday",
    ],
};

static FRAME: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PATIENT_FRAME));
static INSULT: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:lazy|fat|fatass|lardy|stupid|thick|thick as mince|smelly|stinking|stinky|dirty|filthy|ungrateful|feral|disgusting|useless|whingeing|whinging|whining|moaning|pathetic|vile|horrible|idiotic|dumb|greedy|selfish|entitled|gross|minging|rank)(?:,? (?:fat|lazy|stupid|smelly|old|young|drunk|entitled|useless|ungrateful|little|great|big))? (?:patients?|pts?|relatives|rellies|families|family members|parents|mums|dads|punters|kids|teens|teenagers|old (?:man|woman|lady|biddy|biddies)|grannies|oldies|boomers|nursing home residents|residents|clients|service users)\b",
    )
});

impl Rule for PatientInsult {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for m in INSULT.find_iter(&doc.lower) {
            let span = m.range();
            // "kids" and "parents" without a clinical setting may be the writer's own family.
            let word = &doc.lower[span.clone()];
            let family_word = ["kids", "teens", "teenagers", "parents", "mums", "dads"]
                .iter()
                .any(|w| word.ends_with(w));
            if family_word
                && !context::patient_near(doc, &span)
                && !FRAME.contains_in(doc.sentence_lower(span.start))
            {
                continue;
            }
            if context::discussing_term(doc, &span) || context::teaching_frame(doc, &span) {
                continue;
            }
            out.push(
                Hit::new(&INFO, span, Severity::High, "Insulting patients or their families in public undermines trust in the profession.")
                    .suggest("patients"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&PatientInsult);
    }

    #[test]
    fn span_and_severity() {
        let got = hits(
            &PatientInsult,
            "ungrateful patients complaining about the sandwiches",
        );
        assert_eq!(got[0].0, "ungrateful patients");
        assert_eq!(got[0].1, Severity::High);
    }
}
