//! Door, keypad and alarm codes: "door code is 1234 lol", "keycode 4590". Clinical "codes"
//! (code blue, code red, door-to-needle time) have no digits after them, so the rule wants a
//! code word for a lock and a 3-8 digit number right after it.
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct DoorCode;

static INFO: RuleInfo = rule_info! {
    id: "door-code",
    category: Category::PersonalSecurity,
    flags: &[
        "Alone on Ward 22 at the Royal till 8am, door code is 1234 lol",
        "keycode 4590 for the staff room if anyone's locked out",
        "new code for the side door: 2580#",
        "Theatre changing room combination is 0000, genius security",
        "the keypad code on the CD room is still 1066 😂",
        "ward door code 7391 - visitors, just come in",
    ],
    passes: &[
        "door-to-needle time improved to 45 minutes this year",
        "code blue drill today, 12 people attended",
        "Rota gaps are unsafe nationally - BMA data attached (link)",
        "Door code changed today, ask the nurse in charge for it",
        "Code stroke pathway: 3 years of data",
        "Our new postcode is on the website",
    ],
};

static CODE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:(?:door|doors|key|keypad|entry|access|gate|lock|locker|alarm|staff ?room|side door|back door|front door|main door|ward|ward door|building|room|cupboard|fridge|safe)[ -]?(?:code|codes|pin|combo|combination)|(?:codes?|pin|pins|combination|combo) (?:for|to|on|of|into) (?:the |our |my )?[a-z0-9' -]{0,24}?\b(?:door|doors|room|mess|gate|entrance|ward|office|cupboard|lab|toilets?|loos?|car park|building|unit|department|lift|lounge|kitchen|fridge|safe|lockers?|staffroom|station|base|hub)|keycode|key code|keypad|door code|combination|lock code|entry code|access code)\b(?:(?-i:[^0-9.!?\n\x{80}-\x{10FFFF}]){0,40}?)\b(\d{3,8})\b#?",
    )
});

impl Rule for DoorCode {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        if !super::context::any_of(
            &doc.lower,
            &["code", "pin", "combo", "combination", "keypad"],
        ) {
            return;
        }
        for caps in CODE.captures_iter(&doc.lower) {
            let digits = caps.get(1).expect("group 1");
            // "Door code changed in 2024": a year after a code word is not a code.
            let before = &doc.lower[caps.get(0).expect("group 0").start()..digits.start()];
            if before.contains(" in ") || before.contains(" since ") || before.contains(" from ") {
                continue;
            }
            out.push(
                Hit::new(
                    &INFO,
                    digits.range(),
                    Severity::Low,
                    "A door or keypad code in public lets anyone in; keep it off social media.",
                )
                .suggest("[code removed]"),
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
        assert_examples(&DoorCode);
    }

    #[test]
    fn span_is_the_code() {
        let got = hits(&DoorCode, "door code is 1234 lol");
        assert_eq!(got[0].0, "1234");
        assert_eq!(got[0].1, Severity::Low);
        assert_eq!(got[0].2, Category::PersonalSecurity);
    }
}
