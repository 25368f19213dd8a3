//! Sleeping on shift: "slept through half my night shift", "slept through my bleep",
//! "fell asleep during handover". Rest on a break is encouraged, and advice about sleeping
//! before or after nights is not a confession, so the rule wants sleep during work.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex_lower, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct AsleepOnShift;

static INFO: RuleInfo = rule_info! {
    id: "asleep-on-shift",
    category: Category::Impairment,
    flags: &[
        "slept through half my night shift, nobody noticed lol",
        "fell asleep during handover again 😴",
        "Slept through my bleep twice last night oops",
        "had a 3 hour kip in the linen cupboard on nights",
        "napping on the ward while the bay was kicking off",
        "dozed off during the drug round, woke up at 4",
    ],
    passes: &[
        "Night shift done ☕",
        "Tips for sleeping before your first night shift",
        "Power nap on my break - rest is part of safe care",
        "Patient slept through the night for the first time in weeks",
        "Slept 12 hours after my last night, bliss",
        "Fatigue and napping on nights: our new rest room policy",
    ],
};

static ASLEEP: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:slept|sleeping|asleep|napped|napping|kipped|kipping|dozed(?: off)?|dozing(?: off)?|nodded off|nodding off|passed out|crashed out|(?:had|have|having|grabbed) an? (?:\d+ ?(?:hour|hr|h|min)s? |quick |cheeky |sneaky |little |long )?(?:kip|nap|snooze|sleep))\b(?: [a-z0-9']+){0,2}? (?:through|during|on|in|for (?:most|half|all) of) (?:half |most |all |the whole |the rest )?(?:of )?(?:my |the |our |a )?(?:night shift|shift|nights|handover|ward round|bleep|bleeps|crash call|arrest call|on-?call|on call|drug round|meds round|obs round|obs|the ward|ward|linen cupboard|sluice|supply room|store ?room|clinic|theatre|list|duty|job|work)\b",
    )
});

/// "slept on shift? never." : raised as a question and denied.
fn denied_after(after: &str) -> bool {
    after.starts_with('?') && context::has_negation(after)
}

impl Rule for AsleepOnShift {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for m in ASLEEP.find_iter(&doc.lower) {
            let span = m.range();
            let sentence = doc.sentence_lower(span.start);
            if context::third_party_before(doc, span.start, 40)
                || context::negated_before(doc, span.start, 20)
                || denied_after(doc.window(&(span.end..span.end), 0, 10))
                || context::teaching_frame(doc, &span)
                || sentence.contains("break")
                || sentence.contains("tips")
                || sentence.contains("before")
                || sentence.contains("after")
            {
                continue;
            }
            out.push(Hit::new(
                &INFO,
                span,
                Severity::High,
                "Saying you slept while on duty suggests patients were left unsafe.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&AsleepOnShift);
    }

    #[test]
    fn span_and_severity() {
        let got = hits(&AsleepOnShift, "fell asleep during handover again");
        assert_eq!(got[0].0, "asleep during handover");
        assert_eq!(got[0].1, Severity::High);
    }
}
