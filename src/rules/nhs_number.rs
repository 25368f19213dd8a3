//! NHS numbers (England, Wales, Isle of Man) and Health and Care numbers (Northern Ireland):
//! ten digits, usually written 3-3-4, confirmed by the modulus 11 check digit so that order
//! references and random numbers are not flagged.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct NhsNumber;

static INFO: RuleInfo = rule_info! {
    id: "nhs-number",
    category: Category::PatientIdentifier,
    flags: &[
        "NHS no 943 476 5919, anyone recognise this rash?",
        "943-476-5919 on the wristband didn't match",
        "pt 9434765919 back again",
        "H&C number 320 000 0015 on the referral",
        "nhs number 450 557 7104 - can someone chase the bloods",
        "Found the form: 450-557-7104. Oops",
    ],
    passes: &[
        "Tracking ref 401-023-2138 for the parcel",
        "000 000 0000 is not a number",
        "1111111111 likes on this post!",
        "Order 943 476 5918 arrived",
        "Call 0800 123 4567 for advice",
        "943 476-5919 has mixed separators",
        "ISBN 978-0-19-852663-6",
    ],
};

static TEN_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(\d{3})([ -]?)(\d{3})([ -]?)(\d{4})\b"));

/// The NHS modulus 11 check: weights 10..2 on the first nine digits; 11 means 0, 10 is never
/// issued. Scotland's CHI number uses the same check.
pub(crate) fn mod11_valid(digits: &[u8; 10]) -> bool {
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    match 11 - sum % 11 {
        11 => digits[9] == 0,
        10 => false,
        c => u32::from(digits[9]) == c,
    }
}

/// Ten digits from a matched string, skipping separators.
pub(crate) fn ten_digits(s: &str) -> Option<[u8; 10]> {
    let mut out = [0u8; 10];
    let mut n = 0;
    for b in s.bytes().filter(u8::is_ascii_digit) {
        *out.get_mut(n)? = b - b'0';
        n += 1;
    }
    (n == 10).then_some(out)
}

impl Rule for NhsNumber {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for caps in TEN_DIGITS.captures_iter(doc.text) {
            let whole = caps.get(0).expect("group 0");
            if caps[2] != caps[4] {
                continue; // "943 476-5919": mixed separators are not how the number is written
            }
            let Some(digits) = ten_digits(whole.as_str()) else {
                continue;
            };
            if digits.iter().all(|&d| d == digits[0]) || !mod11_valid(&digits) {
                continue;
            }
            let span = whole.range();
            let value: u64 = digits.iter().fold(0, |v, &d| v * 10 + u64::from(d));
            let northern_ireland = (3_200_000_010..=3_999_999_999).contains(&value);
            let spaced = !caps[2].is_empty();
            let severity = if spaced || context::patient_near(doc, &span) {
                Severity::Critical
            } else {
                Severity::High
            };
            let message = if northern_ireland {
                "A Health and Care number identifies a patient directly: never post it."
            } else {
                "A valid NHS number identifies a patient directly: never post it."
            };
            out.push(Hit::new(&INFO, span, severity, message).suggest("[number removed]"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&NhsNumber);
    }

    #[test]
    fn check_digit_matches_the_rulebook() {
        assert!(mod11_valid(&ten_digits("943 476 5919").unwrap()));
        assert!(!mod11_valid(&ten_digits("401-023-2138").unwrap()));
    }

    #[test]
    fn spaced_number_is_critical() {
        let got = hits(&NhsNumber, "see 943 476 5919");
        assert_eq!(got[0].1, Severity::Critical);
        assert_eq!(got[0].0, "943 476 5919");
    }
}
