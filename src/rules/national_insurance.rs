//! UK National Insurance numbers: two letters, six digits, a final letter A-D, with the
//! prefix letters HMRC never issues excluded so that product codes don't match.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex_cased, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct NationalInsurance;

static INFO: RuleInfo = rule_info! {
    id: "national-insurance-number",
    category: Category::PatientIdentifier,
    flags: &[
        "NI number AB 12 34 56 C on the form",
        "Her NINO is JK123456A, can someone check benefits",
        "Patient gave NI no. PR 98 76 54 D at reception",
        "ni: CE 11 22 33 B",
        "Typed SH123456B into the wrong record",
        "Is HT 55 66 77 A a valid one?",
    ],
    passes: &[
        "Code DA 12 34 56 C is not valid (D first)",
        "GB 12 34 56 A is never issued",
        "ZZ123456A is a placeholder",
        "Part AB1234567 from the catalogue",
        "AB 12 34 56 E ends wrong",
        "Room QQ 12 34 56 A",
    ],
};

static NINO: LazyLock<Regex> = LazyLock::new(|| {
    regex_cased(r"\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
});

const NEVER_ISSUED: crate::rulebook::Words =
    crate::words!["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"];

impl Rule for NationalInsurance {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for caps in NINO.captures_iter(doc.text) {
            if NEVER_ISSUED.contains(&caps[1]) {
                continue;
            }
            let span = caps.get(0).expect("group 0").range();
            let severity = if context::patient_near(doc, &span) {
                Severity::Critical
            } else {
                Severity::High
            };
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    severity,
                    "A National Insurance number identifies a person directly.",
                )
                .suggest("[number removed]"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::assert_examples;

    #[test]
    fn examples() {
        assert_examples(&NationalInsurance);
    }
}
