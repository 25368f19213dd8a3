//! The user's own workplace terms (their hospital, wards, colleagues, from settings) inside a
//! post about a specific patient. Readers know where the poster works; naming the ward where
//! "the 6yo from Saturday" is being treated points to one child.
use super::encounter;
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::Document;

pub struct WorkplaceTerm;

static INFO: RuleInfo = rule_info! {
    id: "workplace-term",
    category: Category::PatientIdentifier,
    // With no workplace terms configured the rule has nothing to find: these examples run
    // with the terms in `rules::testing::TEST_WORKPLACE`.
    flags: &[
        "The 6yo who fell from the pier is awake and talking on Rowan Ward",
        "Lady came in last night to St Elsewhere with a stroke",
        "My patient on Rowan Ward today told me about the war",
        "Had a teenager in Rowan Ward resus tonight after an overdose",
        "Just admitted a woman to St Elsewhere ICU",
        "pt in st elsewhere majors this morning, 3rd time this week",
    ],
    passes: &[
        "Congratulations to Rowan Ward on their award!",
        "St Elsewhere is recruiting nurses",
        "Great teaching session at St Elsewhere today",
        "Rowan Ward has a new coffee machine",
        "Proud of the St Elsewhere team tonight",
        "Rowan Ward staff raised £500 for charity this weekend",
    ],
};

impl Rule for WorkplaceTerm {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Hit>) {
        if ctx.workplace.is_empty() {
            return;
        }
        for enc in encounter::encounters(doc, ctx).iter() {
            let severity = if enc.half_points() >= 4 {
                Severity::Critical
            } else {
                Severity::High
            };
            for span in &enc.workplace {
                if context::public_praise(doc, span.start) {
                    continue;
                }
                out.push(
                    Hit::new(
                        &INFO,
                        span.clone(),
                        severity,
                        "Naming where you work, in a post about a patient, points to who they are.",
                    )
                    .suggest("the hospital"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, TEST_WORKPLACE};
    use crate::text::Lexicon;

    fn hits(text: &str) -> Vec<(String, Severity)> {
        let doc = Document::new(text);
        let workplace = Lexicon::new(TEST_WORKPLACE);
        let ctx = Context::new(false, &workplace);
        let mut out = Vec::new();
        WorkplaceTerm.check(&doc, &ctx, &mut out);
        out.into_iter()
            .map(|h| (text[h.span].to_string(), h.severity))
            .collect()
    }

    #[test]
    fn examples() {
        assert_examples(&WorkplaceTerm);
    }

    #[test]
    fn nothing_without_workplace_terms() {
        let doc = Document::new(INFO.flags[0]);
        let workplace = Lexicon::new(Vec::<String>::new());
        let ctx = Context::new(false, &workplace);
        let mut out = Vec::new();
        WorkplaceTerm.check(&doc, &ctx, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn span_is_the_term() {
        let got = hits("Lady came in last night to St Elsewhere with a stroke");
        assert_eq!(got[0].0, "St Elsewhere");
    }
}
