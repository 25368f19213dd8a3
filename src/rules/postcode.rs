//! UK postcodes, by the strict pattern (letters restricted by position) so that random
//! tokens don't match. A postcode is only a patient identifier when a person is in the frame:
//! a clinic's address in a flu-clinic notice is public.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::Category;
use crate::text::{regex, regex_cased, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct Postcode;

static INFO: RuleInfo = rule_info! {
    id: "postcode",
    category: Category::PatientIdentifier,
    flags: &[
        "Patient lives at 4 Elm Road, LS6 2AB and refuses visits",
        "Poor lady from M1 1AA brought in by ambulance again",
        "Home visit to SW1A1AA today, the patient was lovely",
        "Discharged him home to NE46 3AA tonight",
        "Mr K (EH1 2NG) admitted again",
        "Moving house to BS8 1TH next week",
    ],
    passes: &[
        "Flu clinic this Saturday at Elm Road Surgery, LS6 2AB - no appointment needed",
        "Our practice has moved to M1 1AA, book as usual",
        "GIR 0AA is the famous Girobank code; the hospital address is on our site",
        "Conference venue: EH1 2NG, see you there",
        "Q1 2AB is not a postcode",
        "Ordered part AB1 2CI from the catalogue",
        "Clinics run from our hub at Elm Road Health Centre, LS6 2AB, with outreach to patients",
    ],
};

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    regex_cased(
        r"\b(?:GIR ?0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})\b",
    )
});

/// A service named right before the postcode (a place, not a person).
static SERVICE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:surgery|practice|clinic|centre|center|hospital|site|pharmacy|hub|unit|venue|office|hall|library|church|school)\b[^a-z]{0,6}$",
    )
});

/// Words that make the address a person's.
static PERSONAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\b(?:lives?|living|home|his|her|their|address|moved|moving)\b|\bfrom\W*$")
});

impl Rule for Postcode {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for m in POSTCODE.find_iter(doc.text) {
            let span = m.range();
            // "Elm Road Health Centre, LS6 2AB": the address of a service just named.
            let just_before = doc.window(&(span.start..span.start), 40, 0);
            if SERVICE_NAMED.is_match(just_before) && !PERSONAL.is_match(just_before) {
                continue;
            }
            let Some(severity) = context::contact_detail_severity(doc, &span) else {
                continue;
            };
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    severity,
                    "A full postcode narrows a person down to a few homes.",
                )
                .suggest("[area removed]"),
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
        assert_examples(&Postcode);
    }

    #[test]
    fn unspaced_and_spaced_both_match() {
        assert_eq!(hits(&Postcode, "moving to SW1A1AA")[0].0, "SW1A1AA");
        assert_eq!(hits(&Postcode, "moving to SW1A 1AA")[0].0, "SW1A 1AA");
    }
}
