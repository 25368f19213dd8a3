//! Taking drugs from work: "nicked some oramorph from the CD cupboard", "a cheeky hit of
//! entonox to get through the night". The writer must be the one taking them.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::impairment::WORK_DRUGS;
use crate::text::{regex_lower, Document, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

pub struct DrugsFromWork;

static INFO: RuleInfo = rule_info! {
    id: "drugs-from-work",
    category: Category::Impairment,
    flags: &[
        "nicked some oramorph from the CD cupboard lol",
        "pocketed a few diazepam from the ward stock for the weekend",
        "cheeky hit of entonox to get me through this night shift",
        "helped myself to the co-codamol on the drug trolley, back is killing",
        "took some midazolam home to help me sleep after nights",
        "swiped a couple of zopiclone off the ward, don't tell",
    ],
    passes: &[
        "Someone stole oramorph from the CD cupboard - police are involved",
        "CD cupboard audit: two signatures every time",
        "Gave her some entonox and she was much happier",
        "Took the patient's morphine chart to pharmacy for review",
        "Ketamine in prehospital analgesia: new paper",
        "Staff who take controlled drugs from work need support, not shame - here's how to get help",
    ],
};

static TAKE: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:nicked|nick|nicking|stole|steal|stealing|pinched|pinching|swiped|swiping|pocketed|pocketing|helped myself to|help myself to|helping myself to|took home|take home|taking home|took (?:some|a few|a couple of|a bit of|a box of|a strip of|an?) [a-z0-9 -]{0,20}home|half-inched|skimmed|skimming|borrowed|siphoned)\b",
    )
});
static SELF_USE: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:cheeky|quick|sneaky|little|secret|crafty) (?:hit|puff|go|suck|blast|toke|drag|line|bump|dose|shot) (?:of|on) (?:the |some )?(?:entonox|gas and air|nitrous|laughing gas|ketamine|ket|sevo|sevoflurane|propofol|oramorph|morphine|fentanyl|midaz|midazolam)",
    )
});
static DRUG: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(WORK_DRUGS));
static WHO_ELSE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new([
        "someone",
        "somebody",
        "a colleague",
        "a nurse",
        "a doctor",
        "staff member",
        "patient",
        "pt",
        "he",
        "she",
        "they",
        "visitor",
        "relative",
        "was stolen",
        "were stolen",
        "police",
        "investigation",
        "audit",
        "for the patient",
        "patient's",
        "to pharmacy",
        "to the patient",
        "gave her",
        "gave him",
        "gave them",
    ])
});

impl Rule for DrugsFromWork {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        if !DRUG.contains_in(&doc.lower) {
            return;
        }
        for m in TAKE.find_iter(&doc.lower) {
            let span = m.range();
            let after = doc.window(&span, 0, 60);
            if !DRUG.contains_in(after) {
                continue;
            }
            let sentence = doc.sentence_lower(span.start);
            if WHO_ELSE.contains_in(sentence)
                || context::negated_before(doc, span.start, 20)
                || context::teaching_frame(doc, &span)
            {
                continue;
            }
            let end = doc
                .sentence_at(span.start)
                .end
                .min(span.end + 60)
                .max(span.end);
            let mut end = end.min(doc.text.len());
            while !doc.text.is_char_boundary(end) {
                end -= 1;
            }
            out.push(Hit::new(&INFO, span.start..end, Severity::High, "Taking medicines from work for yourself is theft and a fitness-to-practise matter."));
        }
        for m in SELF_USE.find_iter(&doc.lower) {
            let span = m.range();
            if WHO_ELSE.contains_in(doc.sentence_lower(span.start)) {
                continue;
            }
            out.push(Hit::new(&INFO, span, Severity::High, "Using work medicines or gases yourself puts patients and your registration at risk."));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&DrugsFromWork);
    }

    #[test]
    fn severity_high() {
        let got = hits(
            &DrugsFromWork,
            "nicked some oramorph from the CD cupboard lol",
        );
        assert_eq!(got[0].1, Severity::High);
        assert!(got[0].0.starts_with("nicked some oramorph"));
    }
}
