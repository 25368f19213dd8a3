//! Dates of birth (a date beside "DOB", "born", "birthday"), and ages over 89, which HIPAA
//! counts as identifying on their own because so few people reach them.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex_lower, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct DateOfBirth;

static INFO: RuleInfo = rule_info! {
    id: "date-of-birth",
    category: Category::PatientIdentifier,
    flags: &[
        "DOB 12/03/1987, anyone seen this ECG pattern?",
        "d.o.b. 01.01.1950 on the drug chart was wrong",
        "Patient born 3rd March 1961 - still smoking 40 a day",
        "her birthday is 14 Feb 2019 and she's on the ward for it",
        "Date of birth: 1990-07-21",
        "Lovely 97-year-old patient on our ward today",
        "Happy 95th birthday to our longest staying resident on Rowan ward!",
    ],
    passes: &[
        "Clinic on 12/03/2025, all welcome",
        "I was born on 3rd March 1961 and still love nights",
        "Happy birthday to me! 14 Feb 1990 was a good day",
        "Born in 1990, feeling old",
        "Aged 94, my nan still does the crossword",
        "Happy 90th birthday to my grandad! Still beats me at chess",
        "Guideline updated 01.01.2024",
    ],
};

const MONTH: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(&format!(
        r"\b(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\.?,?\s+\d{{4}}|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b"
    ))
});

static BIRTH_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex_lower(r"\b(?:dob|d\.o\.b\.?|date of birth|born|birthday|birth date)\b"));

static SELF_BIRTH: LazyLock<Regex> =
    LazyLock::new(|| regex_lower(r"\b(?:i was born|i'm born|my birthday|my dob|birthday to me)\b"));

static OLD_AGE: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:aged\s+(?:9\d|1[0-1]\d)|(?:9\d|1[0-1]\d)(?:st|nd|rd|th) birthday|(?:his|her|their) (?:9\d|1[0-1]\d)(?:st|nd|rd|th)\b|(?:9\d|1[0-1]\d)\s?(?:-\s?)?(?:yo|y/o|yrs? old|years? old|year-old|yr-old))\b",
    )
});

impl Rule for DateOfBirth {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for m in DATE.find_iter(&doc.lower) {
            let span = m.range();
            let before = doc.window(&(span.start..span.start), 40, 0);
            if !BIRTH_WORD.is_match(before) || SELF_BIRTH.is_match(before) {
                continue;
            }
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    Severity::Critical,
                    "A date of birth identifies a patient directly.",
                )
                .suggest("[date removed]"),
            );
        }
        for m in OLD_AGE.find_iter(&doc.lower) {
            let span = m.range();
            if !context::patient_near(doc, &span) {
                continue;
            }
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    Severity::High,
                    "Ages over 89 are rare enough to identify a patient (HIPAA counts them as identifiers).",
                )
                .suggest("over 90"),
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
        assert_examples(&DateOfBirth);
    }

    #[test]
    fn the_span_is_the_date() {
        assert_eq!(hits(&DateOfBirth, "DOB 12/03/1987 ok")[0].0, "12/03/1987");
    }
}
