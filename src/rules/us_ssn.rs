//! US Social Security numbers, one of HIPAA's 18 identifiers. Written 3-2-4 with hyphens, or
//! as nine digits after "SSN"; area 000, 666 and 900-999, group 00 and serial 0000 are never
//! issued.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex, regex_lower, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct UsSsn;

static INFO: RuleInfo = rule_info! {
    id: "us-ssn",
    category: Category::PatientIdentifier,
    flags: &[
        "SSN 123-45-6789 on the intake form, yikes",
        "Patient's social security number 219-09-9999 was on the whiteboard",
        "ssn: 078051120 typed in chat",
        "Found 457-55-5462 on a sticky note at the nurses' station",
        "Her SSN is 536 90 4399",
        "pt ssn 123456789",
    ],
    passes: &[
        "Call 555-12-3456 ext 2",
        "000-12-3456 is never issued",
        "666-45-6789 is never issued",
        "912-34-5678 starts with 9",
        "123-00-4567 has a zero group",
        "123-45-0000 has a zero serial",
    ],
};

static PHONE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:call|ext|tel|phone|fax|ring|dial)\b"));
static DASHED: LazyLock<Regex> = LazyLock::new(|| regex_lower(r"\b(\d{3})-(\d{2})-(\d{4})\b"));
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:ssn|social security (?:no|number|#))\b\s*(?:is\s*)?[:#]?\s*(\d{3})[ -]?(\d{2})[ -]?(\d{4})\b",
    )
});

fn issuable(area: &str, group: &str, serial: &str) -> bool {
    area != "000" && area != "666" && !area.starts_with('9') && group != "00" && serial != "0000"
}

impl Rule for UsSsn {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        let labelled = LABELLED.captures_iter(&doc.lower).map(|c| (c, true));
        let dashed = DASHED.captures_iter(&doc.lower).map(|c| (c, false));
        for (caps, is_labelled) in labelled.chain(dashed) {
            if !issuable(&caps[1], &caps[2], &caps[3]) {
                continue;
            }
            let span = caps.get(1).expect("group 1").start()..caps.get(3).expect("group 3").end();
            if !is_labelled && PHONE_WORDS.is_match(doc.window(&span, 20, 20)) {
                continue;
            }
            // An unlabelled 3-2-4 number is still most likely an SSN, but phone extensions
            // and part numbers share the shape: only high unless something confirms it.
            let severity = if is_labelled || context::patient_near(doc, &span) {
                Severity::Critical
            } else {
                Severity::High
            };
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    severity,
                    "A Social Security number identifies a person directly.",
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
        assert_examples(&UsSsn);
    }
}
