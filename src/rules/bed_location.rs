//! A bed, bay, cubicle or side-room number tied to a person ("the lady in bed 4"): on a
//! ward, that points to exactly one patient. A bed number alone ("bed 4 is broken") does not.
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct BedLocation;

static INFO: RuleInfo = rule_info! {
    id: "bed-location",
    category: Category::PatientIdentifier,
    flags: &[
        "The lady in bed 4 has pressed her buzzer 40 times tonight",
        "Bed 12 keeps trying to climb over the rails lol",
        "Gentleman in bay 3 just told me his life story",
        "Cubicle 7 is kicking off again, he wants his dinner",
        "Side room 2 finally passed away peacefully, she was lovely",
        "Whoever is in bay 5b, I hope you sleep tonight",
        "RIP Bob from bay 6, you will be missed",
        "our favourite frequent flyer is back in cubicle 2",
        "bed blocker in side room 4 now on day 40",
    ],
    passes: &[
        "Bed 4 is broken again, estates please fix",
        "We opened 12 extra beds this winter",
        "Bay 3 was deep cleaned today",
        "Room 101 at the conference centre",
        "Our 28-bed unit won an award",
        "Ward 22 has a new coffee machine",
    ],
};

static BED: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:bed|bay|cubicle|cubie|side ?room|room) ?\d{1,3}[a-z]?\b"));

/// Words that make the bed a person: who is in it, or what they did.
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:lady|gentleman|gent|man|woman|guy|chap|girl|boy|baby|patient|pt|mr|mrs|ms|miss|he|she|his|her|him|whoever|resident|grandad|grandma|nan|mum|dad|passed away|died|pressed|buzzer|climb|kicking off|shouting|screaming|wants|refus\w*|pulled|told me|keeps|rip|r\.i\.p|missed|legend|bless|fl[iy]ers?|(?:bed ?)?blockers?|spastic|regulars?|on day \d+|day \d+ of)\b",
    )
});

impl Rule for BedLocation {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for m in BED.find_iter(doc.text) {
            let span = m.range();
            if !PERSON.is_match(doc.window(&span, 40, 60)) {
                continue;
            }
            out.push(Hit::new(
                &INFO,
                span,
                Severity::High,
                "A bed or bay number with a person in it points to one patient.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::assert_examples;

    #[test]
    fn examples() {
        assert_examples(&BedLocation);
    }
}
