//! Hospital numbers and medical record numbers (MRN). Their format varies by trust, so the
//! rule wants both an ID-like token and the word that labels it.
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex_lower, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct HospitalNumber;

static INFO: RuleInfo = rule_info! {
    id: "hospital-number",
    category: Category::PatientIdentifier,
    flags: &[
        "MRN 00123456 - whose patient is this?",
        "Hospital no: RX1234567 has two sets of notes",
        "hosp number K1234567 on the wrong wristband",
        "Unit no. 7654321 bleeped me 5 times",
        "K-number K0987654 needs a repeat scan",
        "Patient ID #A12345678 left AMA",
    ],
    passes: &[
        "Our hospital number one priority is safety",
        "MRN systems are a nightmare to migrate",
        "Unit number 3 of the course is live",
        "The hospital has 1200 beds",
        "K-numbers are used at some trusts",
        "Patient ID bands save lives",
    ],
};

static LABELLED_ID: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:mrn|medical record (?:no|number|#)|hosp(?:ital)?\.? (?:no|number|num|#)|unit (?:no|number)|k-?number|patient id|case (?:no|number))\b\.?\s*[:#]?\s*#?([a-z]{0,3}\d{5,10}[a-z]?)\b",
    )
});

impl Rule for HospitalNumber {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for caps in LABELLED_ID.captures_iter(&doc.lower) {
            let id = caps.get(1).expect("group 1");
            out.push(
                Hit::new(
                    &INFO,
                    id.range(),
                    Severity::Critical,
                    "A hospital or medical record number identifies a patient directly.",
                )
                .suggest("[number removed]"),
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
        assert_examples(&HospitalNumber);
    }

    #[test]
    fn span_is_the_number() {
        assert_eq!(hits(&HospitalNumber, "MRN: 00123456")[0].0, "00123456");
    }
}
