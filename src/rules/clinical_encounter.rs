//! The combination scorer (RULEBOOK "Combination", GMC para 19): an unnamed but specific
//! encounter whose details together can identify the patient. "A patient once taught me" is
//! one harmless detail; "today a 34yo teacher came in with a fractured penis" is four.
//! Two points or more make a finding (high), three or more make it critical. A direct
//! identifier (a name, a bed number, the user's own workplace) inside the encounter makes it
//! a `patient-identifier` finding instead.
use super::encounter::{self, Encounter};
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::Document;

pub struct ClinicalEncounter;

static INFO: RuleInfo = rule_info! {
    id: "clinical-encounter",
    category: Category::ClinicalEncounter,
    flags: &[
        "Today a 34yo teacher came in with a fractured penis 😂",
        "Last night's A38 crash - both kids are in our PICU",
        "18yo lad brought in from the festival this morning after taking something",
        "Had a 28-weeker delivered in an ambulance on the M6 last night",
        "Just seen a 52yo builder with a nail gun injury through his hand",
        "this morning a 15 yo girl from a local school came in after an overdose",
        "Current patient: 23F, professional dancer, ruptured Achilles on stage last night",
        "pt 34f, school nurse, in w/ a stab wound after a domestic on sat nite",
        "I treated the girl at the centre of the grooming trial, she was 13",
        "Tonight we lost a 24 y/o soldier after a training accident on Salisbury Plain",
        "Just came off shift. Lost a 40yo dad of two at the gym on the high st",
        "Just intubated a 16yo who took 40 of his mum's tablets after exam results day",
        "Spent the morning with an 11yo boy who fell through a greenhouse roof",
        "just looked after a 6yo who ate a whole pack of his grandad's tablets",
        "Not every day you deliver twins for a 44 year old IVF mum, congrats to the family!",
    ],
    passes: &[
        "A patient once taught me to always ask about carers",
        "Teaching point: check ketones in unwell young people with diabetes",
        "Teenagers with asthma often stop using their preventer",
        "Quiz: a 25-year-old woman presents with pleuritic chest pain. Next step?",
        "Our 10-year-old ran his first parkrun this morning while I was on nights",
        "Watching Casualty tonight - a 34yo teacher came in with a fractured penis. Realistic? No.",
        "Famous footballer opened our new children's ward today",
        "Had a lovely chat with a student nurse today about why she chose paediatrics",
        "Brilliant session today from a barrister on capacity assessments",
        "Great to see so many student paramedics at the careers fair at the university yesterday!",
        "Drunk tank pilot in the city centre cut ED attendances on Friday nights",
        "woman driver, took 10 mins to park at the hospital this morning",
        "Had a lovely chat with a patient about our clinical trial today",
        "A 2-year-old with a barking cough at 3am is croup until proven otherwise. #FOAMped",
        "Toddler in a supermarket trolley = me after nights 😂",
        "Had a lovely chat with a 92-year-old volunteer at the hospital cafe today",
        "When you finish nights and your toddler wakes up at 5am 😩 send coffee",
    ],
};

fn severity(enc: &Encounter) -> Option<Severity> {
    let points = enc.half_points();
    if points < 4 || !enc.has_strong_detail() {
        None
    } else if points >= 6 {
        Some(Severity::Critical)
    } else {
        Some(Severity::High)
    }
}

impl Rule for ClinicalEncounter {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Hit>) {
        for enc in encounter::encounters(doc, ctx).iter() {
            let Some(severity) = severity(enc) else {
                continue;
            };
            let summary = enc.summary();
            if !enc.direct.is_empty() {
                // A name or bed number inside a specific encounter: the identifier rules may
                // report the identifier itself; this finding covers the whole combination.
                let mut span = enc.detail_span();
                for d in &enc.direct {
                    span.start = span.start.min(d.start);
                    span.end = span.end.max(d.end);
                }
                let mut hit = Hit::new(
                    &INFO,
                    span,
                    Severity::Critical,
                    format!(
                        "A direct identifier inside a specific encounter ({summary}) identifies the patient."
                    ),
                );
                hit.category = Category::PatientIdentifier;
                out.push(hit);
                continue;
            }
            let message = format!("These details together ({summary}) can identify the patient.");
            match enc.replaceable.clone() {
                Some(phrase) => {
                    out.push(Hit::new(&INFO, phrase, severity, message).suggest("a patient"))
                }
                None => out.push(Hit::new(&INFO, enc.detail_span(), severity, message)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};
    use crate::text::Lexicon;

    #[test]
    fn examples() {
        assert_examples(&ClinicalEncounter);
    }

    /// The rule's full hits (message and suggestion too), with no workplace terms.
    fn full_hits(text: &str) -> Vec<Hit> {
        let doc = Document::new(text);
        let workplace = Lexicon::local(Vec::<String>::new());
        let ctx = Context::new(false, &workplace);
        let mut out = Vec::new();
        ClinicalEncounter.check(&doc, &ctx, &mut out);
        out
    }

    #[test]
    fn span_is_the_age_and_role_with_a_suggestion() {
        let text = "Today a 34yo teacher came in with a fractured penis 😂";
        let out = full_hits(text);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].span.clone()], "a 34yo teacher");
        assert_eq!(out[0].suggestion.as_deref(), Some("a patient"));
        assert_eq!(out[0].severity, Severity::Critical);
        assert!(out[0].message.contains("age + role + time + event"));
    }

    #[test]
    fn two_details_are_high_three_critical() {
        let got = hits(
            &ClinicalEncounter,
            "Just had a 45-year-old vicar in, lovely man",
        );
        assert_eq!(got[0].1, Severity::High);
        let got = hits(
            &ClinicalEncounter,
            "Last night's A38 crash - both kids are in our PICU",
        );
        assert_eq!(got[0].1, Severity::Critical);
    }

    #[test]
    fn without_a_phrase_to_replace_the_span_runs_first_to_last_detail() {
        let text = "Last night's A38 crash - both kids are in our PICU";
        let got = hits(&ClinicalEncounter, text);
        assert_eq!(
            got[0].0,
            "Last night's A38 crash - both kids are in our PICU"
        );
    }

    #[test]
    fn a_name_inside_an_encounter_is_a_patient_identifier() {
        let got = hits(
            &ClinicalEncounter,
            "Mrs Patel, 84, came in last night after a fall at the care home",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, Severity::Critical);
        assert_eq!(got[0].2, Category::PatientIdentifier);
    }

    #[test]
    fn the_users_workplace_counts_as_identifying() {
        let text = "A 40yo man came in last night to St Elsewhere after a crash";
        let doc = Document::new(text);
        let workplace = Lexicon::local(["St Elsewhere"]);
        let ctx = Context::new(false, &workplace);
        let mut out = Vec::new();
        ClinicalEncounter.check(&doc, &ctx, &mut out);
        assert_eq!(out[0].category, Category::PatientIdentifier);
    }

    #[test]
    fn one_detail_alone_is_fine() {
        assert!(hits(&ClinicalEncounter, "Had a lovely lady in today").is_empty());
        assert!(hits(&ClinicalEncounter, "Busy night in resus tonight").is_empty());
    }

    #[test]
    fn a_public_case_counts_and_is_named_in_the_message() {
        let out = full_hits(
            "I looked after the survivor of that sexual assault case in A&E, she's doing ok",
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("public case"), "{}", out[0].message);
    }

    #[test]
    fn she_was_and_a_number_is_an_age_unless_a_unit_follows() {
        assert!(!hits(&ClinicalEncounter, "Saw a girl in triage today, she was 13").is_empty());
        assert!(hits(
            &ClinicalEncounter,
            "Saw a lady in triage today, she was 30 weeks and fine"
        )
        .is_empty());
    }

    #[test]
    fn lower_case_shorthand_needs_a_patient_word() {
        assert!(!hits(&ClinicalEncounter, "pt 34f with a stab wound tonight").is_empty());
        assert!(hits(&ClinicalEncounter, "ran 5m tonight with a stab of pain").is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "", "\0", "🙂🙂", "a, 3, b", "in ", "M", "today", "Mrs", "’s ",
        ] {
            let _ = hits(&ClinicalEncounter, text);
        }
    }
}
