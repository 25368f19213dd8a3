//! Scotland's CHI number: the date of birth as DDMMYY, then four digits, the last a modulus 11
//! check digit. The date must be a real date, which rules out most random ten-digit numbers.
use super::nhs_number::{mod11_valid, ten_digits};
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct ScottishChi;

static INFO: RuleInfo = rule_info! {
    id: "chi-number",
    category: Category::PatientIdentifier,
    flags: &[
        "CHI 0101901232 on the label",
        "chi no. 3112850041 - bloods pending",
        "His CHI is 2506601112",
        "CHI number: 010190 1232",
        "Wrong patient! CHI 3112850041",
        "pt chi 2506601112 in bay 2",
    ],
    passes: &[
        "CHI 3102901234 is not a date",
        "chi 0101901233 fails the check",
        "0101901232 followers, thank you!",
        "Tai chi class at 10, all welcome",
        "CHI 9999999999",
        "CHI 0000000000",
    ],
};

static CHI: LazyLock<Regex> = LazyLock::new(|| regex(r"\bchi\b[^\d\n]{0,20}(\d{6} ?\d{4})\b"));

fn real_date(d: &[u8; 10]) -> bool {
    let day = d[0] * 10 + d[1];
    let month = d[2] * 10 + d[3];
    let year = u32::from(d[4]) * 10 + u32::from(d[5]);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        // A two-digit year cannot tell 1900 from 2000; year % 4 is right for both except 1900.
        2 if year % 4 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

impl Rule for ScottishChi {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for caps in CHI.captures_iter(doc.text) {
            let number = caps.get(1).expect("group 1");
            let Some(digits) = ten_digits(number.as_str()) else {
                continue;
            };
            if !real_date(&digits) || !mod11_valid(&digits) {
                continue;
            }
            // Labelled "CHI" and both checks pass: this is someone's health record number.
            out.push(
                Hit::new(
                    &INFO,
                    number.range(),
                    Severity::Critical,
                    "A CHI number holds a patient's date of birth and identifies them directly.",
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
        assert_examples(&ScottishChi);
    }

    #[test]
    fn dates_are_checked() {
        assert!(real_date(&ten_digits("2902000000").unwrap()));
        assert!(!real_date(&ten_digits("3002000000").unwrap()));
        assert!(!real_date(&ten_digits("0113000000").unwrap()));
    }
}
