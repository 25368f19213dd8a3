//! Patients' names: a title and surname ("Mr Khan"), a first name after "my patient", a name
//! with an age ("Jake, 17,"), or initials after "patient". Names are everywhere in ordinary
//! posts (colleagues, award winners, speakers), so each form needs a patient in the frame and
//! no sign that the person is staff or being publicly congratulated.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex, regex_cased, Document};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct PatientName;

static INFO: RuleInfo = rule_info! {
    id: "patient-name",
    category: Category::PatientIdentifier,
    flags: &[
        "RIP Mr Khan in bed 12, you were a legend",
        "Jake, 17, from Hexham - you smashed your rehab on ward 4!",
        "My patient Sarah finally went home today",
        "Mrs O'Neill pulled her cannula out again on the ward",
        "pt called Darren back in resus, third time this week",
        "Patient J.S. admitted overnight with chest pain",
        "Miss Patel (the one in bay 3) is going home",
        "Big shout out to Mrs Begum on ward 9 who taught me to make samosas",
    ],
    passes: &[
        "Congratulations to Sister Amy Jones on her Nurse of the Year award!",
        "Mr Patel, consultant surgeon, gave a brilliant talk on the ward round",
        "My patient education leaflet on inhalers is live - feedback welcome",
        "A patient once taught me to always ask about carers",
        "Great teaching from Dr Khan today",
        "As a patient myself, I know waiting lists are hard",
        "Mr Men books in the children's ward playroom",
    ],
};

const TITLES: &str = r"(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?";
const NAME: &str = r"[A-Z][a-z]*(?:['-][A-Z]?[a-z]+)*";

static TITLE_SURNAME: LazyLock<Regex> = LazyLock::new(|| {
    regex_cased(&format!(
        r"\b{TITLES} (?:[A-Z]\.? )?({NAME})(?: (?:in|on) (?:bed|bay|cubicle|side room|room|[Ww]ard) \d{{1,3}}[a-zA-Z]?\b)?"
    ))
});

static MY_PATIENT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex_cased(&format!(
        r"\b(?:[Mm]y|[Oo]ur|[Tt]his|[Tt]he|[Aa])? ?(?:[Pp]atient|[Pp]t|[Cc]lient|[Rr]esident|[Ss]ervice user)(?: (?:called|named)|,)? ({NAME})\b"
    ))
});

static NAME_AGE: LazyLock<Regex> =
    LazyLock::new(|| regex_cased(&format!(r"\b({NAME}),? \(?(\d{{1,3}})\)?, ")));

static INITIALS: LazyLock<Regex> = LazyLock::new(|| {
    regex_cased(r"\b(?:[Pp]atient|[Pp]t) ([A-Z]\.\s?[A-Z]\.?|[A-Z]{2})(?:\s|,|$)")
});

/// Capitalised words that follow "patient" without being names.
const NOT_NAMES: crate::rulebook::Words = crate::words![
    "I",
    "The",
    "A",
    "An",
    "And",
    "But",
    "Today",
    "Yesterday",
    "Tonight",
    "This",
    "That",
    "He",
    "She",
    "They",
    "We",
    "You",
    "It",
    "Is",
    "Was",
    "Has",
    "Had",
    "Who",
    "With",
    "In",
    "On",
    "At",
    "Education",
    "Safety",
    "Experience",
    "Care",
    "Feedback",
    "Info",
    "Information",
    "Leaflet",
    "Group",
    "Panel",
    "Forum",
    "Voice",
    "Story",
    "Stories",
    "Partners",
    "Advocate",
    "Day",
    "Week",
    "Month",
    "Zero",
    "First",
    "Centred",
    "Centered",
    "Records",
    "Notes",
    "Transport",
    "Flow",
    "Access",
    "Choice",
    "Charter",
    "Survey",
    "Journey",
    "Pathway",
    "Portal",
    "App",
    "Ready",
    "Engagement",
    "Involvement",
    "Participation",
    "Representative",
    "Leader",
    "Leaders",
    "Council",
    "Reported",
    "Related",
    "Facing",
    "Centre",
    "Center",
    "Men",
];

/// Two-letter capitals after "patient" that are abbreviations, not initials.
const NOT_INITIALS: crate::rulebook::Words = crate::words![
    "OK", "ED", "GP", "AE", "IV", "IM", "PO", "DNA", "UK", "US", "ID", "MI", "PE", "UTI", "NHS",
    "ICU", "HDU", "RIP", "AF", "BP", "HR", "OD", "TV", "AM", "PM",
];

static STAFF_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^[^.!?\n]{0,12}\b(?:consultant|surgeon|registrar|reg|professor|lecturer|speaker|nurse|sister|midwife|gp|colleague|our (?:new )?(?:lead|manager|director))\b",
    )
});

fn is_colleague_or_praise(doc: &Document, span: &Range<usize>) -> bool {
    context::staff_title_before(doc, span.start)
        || context::public_praise(doc, span.start)
        || STAFF_AFTER.is_match(&doc.lower[span.end..])
}

impl Rule for PatientName {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        let mut push = |span: Range<usize>, message: &'static str| {
            out.push(Hit::new(&INFO, span, Severity::Critical, message).suggest("a patient"));
        };
        for caps in TITLE_SURNAME.captures_iter(doc.text) {
            let span = caps.get(0).expect("group 0").range();
            // A name tied to a bed or ward number is a patient even in a thank-you.
            let located = span.end > caps.get(1).expect("group 1").end();
            if NOT_NAMES.contains(&caps[1])
                || context::staff_title_before(doc, span.start)
                || (!located && is_colleague_or_praise(doc, &span))
            {
                continue;
            }
            if context::patient_near(doc, &span) {
                push(
                    span,
                    "A patient's name with where or when you saw them identifies them.",
                );
            }
        }
        for caps in MY_PATIENT_NAME.captures_iter(doc.text) {
            let name = caps.get(1).expect("group 1");
            let whole = caps.get(0).expect("group 0");
            if NOT_NAMES.contains(name.as_str()) || is_colleague_or_praise(doc, &whole.range()) {
                continue;
            }
            push(
                whole.range(),
                "A patient's first name, with the rest of the post, can identify them.",
            );
        }
        for caps in NAME_AGE.captures_iter(doc.text) {
            let name = caps.get(1).expect("group 1");
            let age: u32 = caps[2].parse().unwrap_or(200);
            let span = name.start()..caps.get(2).expect("group 2").end();
            if age > 110 || NOT_NAMES.contains(name.as_str()) || is_colleague_or_praise(doc, &span)
            {
                continue;
            }
            if context::patient_near(doc, &span) {
                push(span, "A name with an age identifies a patient.");
            }
        }
        for caps in INITIALS.captures_iter(doc.text) {
            let initials = caps.get(1).expect("group 1");
            if NOT_INITIALS.contains(initials.as_str()) {
                continue;
            }
            let start = caps.get(0).expect("group 0").start();
            push(
                start..initials.end(),
                "A patient's initials, with the rest of the post, can identify them.",
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
        assert_examples(&PatientName);
    }

    #[test]
    fn name_and_bed_are_one_span() {
        let got = hits(&PatientName, "RIP Mr Khan in bed 12, you were a legend");
        assert_eq!(got[0].0, "Mr Khan in bed 12");
        assert_eq!(got[0].1, Severity::Critical);
    }
}
