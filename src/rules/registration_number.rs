//! Professional registration numbers (GMC 7 digits, NMC PIN like 01A2345N, HCPC PH123456).
//! They identify the writer or a colleague, not a patient: low-severity personal security.
//! The rule wants the regulator's name (or "PIN") next to the number.
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex_lower, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct RegistrationNumber;

static INFO: RuleInfo = rule_info! {
    id: "registration-number",
    category: Category::PersonalSecurity,
    flags: &[
        "Dr A Shah, GMC 7654321 - happy to chat about IMG life",
        "Finally got my NMC PIN: 01A2345N 🎉",
        "HCPC reg PH123456, physio for 10 years",
        "GMC number: 1234567",
        "my pin is 12B3456E, feel free to check me",
        "GMC no. 7012345 if anyone wants to verify",
    ],
    passes: &[
        "GMC 2024 guidance on social media is worth a read",
        "The GMC received 10,000 complaints last year",
        "NMC revalidation is due in 3 months",
        "HCPC standards 2.10 and 2.11 apply to social media",
        "Chip and PIN machines in the canteen are broken",
        "GMC Good medical practice 2024, paragraph 89",
    ],
};

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:gmc(?: (?:no|number|num|ref|reference|reg|registration))?\.?(?: is)?:?#? ?(\d{7})|(?:nmc|pin)(?: (?:pin|no|number|is))?\.?(?: is)?:?#? ?(\d{2}[a-z]\d{4}[a-z])|hcpc(?: (?:no|number|reg|registration|is))?\.?(?: is)?:?#? ?([a-z]{2}\d{5,6}))\b",
    )
});

impl Rule for RegistrationNumber {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        if !super::context::any_of(&doc.lower, &["gmc", "nmc", "pin", "hcpc"]) {
            return;
        }
        for caps in NUMBER.captures_iter(&doc.lower) {
            let Some(num) = caps.get(1).or(caps.get(2)).or(caps.get(3)) else {
                continue;
            };
            out.push(Hit::new(&INFO, num.range(), Severity::Low, "A registration number in a public post makes you easy to impersonate or trace.").suggest("[number removed]"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&RegistrationNumber);
    }

    #[test]
    fn low_personal_security_never_patient() {
        let got = hits(&RegistrationNumber, "Dr A Shah, GMC 7654321");
        assert_eq!(got[0].0, "7654321");
        assert_eq!(got[0].1, Severity::Low);
        assert_eq!(got[0].2, Category::PersonalSecurity);
    }
}
