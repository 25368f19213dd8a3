//! Phone numbers, UK and international. A service's booking line is public; a number next to
//! a patient is an identifier. Freephone and non-geographic service ranges are never flagged.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::Category;
use crate::text::{regex, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct PhoneNumber;

static INFO: RuleInfo = rule_info! {
    id: "phone-number",
    category: Category::PatientIdentifier,
    flags: &[
        "Patient's mum left her mobile 07700 900123, nobody rang back",
        "Pt's daughter on 020 7946 0123 wants an update",
        "Text me on +44 7700 900456",
        "His wife's number is (020) 7946 0999, call her",
        "Brought in by ambulance, NOK +1 415 555 0132",
        "My number is 07700900321 if anyone wants to swap shifts",
    ],
    passes: &[
        "Book your flu jab: call the surgery on 020 7946 0000",
        "Appointments line 0113 496 0000, open 8-6",
        "NHS 111 or 0800 123 4567 for advice",
        "Samaritans helpline 116 123",
        "Version 2.0.1 released 2024",
        "Reference 1234 5678 9012",
    ],
};

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:\+\d{1,3}[ -]?(?:\(0\)[ -]?)?\(?\d[\d ()-]{6,15}\d|\(?\b0\d{2,4}\)?[ -]?\d{3,4}[ -]?\d{3,4})\b",
    )
});

/// Freephone, shared-cost and national service ranges: organisations, not people.
fn service_range(digits: &str) -> bool {
    ["080", "084", "087", "03", "0500", "111", "116"]
        .iter()
        .any(|p| digits.starts_with(p))
}

impl Rule for PhoneNumber {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for m in PHONE.find_iter(doc.text) {
            let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
            let international = m.as_str().starts_with('+');
            let plausible = if international {
                (9..=15).contains(&digits.len())
            } else {
                digits.len() == 11 && !service_range(&digits)
            };
            if !plausible {
                continue;
            }
            let span = m.range();
            let Some(severity) = context::contact_detail_severity(doc, &span) else {
                continue;
            };
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    severity,
                    "A phone number identifies whoever it belongs to.",
                )
                .suggest("[number removed]"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Severity;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&PhoneNumber);
    }

    #[test]
    fn number_next_to_a_patient_is_critical() {
        let got = hits(&PhoneNumber, "patient's son 07700 900123");
        assert_eq!(
            (got[0].0.as_str(), got[0].1),
            ("07700 900123", Severity::Critical)
        );
    }
}
