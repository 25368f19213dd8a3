//! The rules. Each rule is one file: what it looks for, why, and its own examples of text it
//! must flag and near-misses it must leave alone. Adding a rule is adding a file here, a line
//! in [`all`], and its phrase lists in `src/rulebook/`.
use crate::report::{Category, Severity};
use crate::text::{Document, Lexicon};
use std::borrow::Cow;
use std::ops::Range;

/// Builds a [`RuleInfo`] in each rule file; the `flags` and `passes` examples are compiled
/// only into test builds, so their text stays out of the shipped WebAssembly.
macro_rules! rule_info {
    { id: $id:expr, category: $category:expr, flags: $flags:expr, passes: $passes:expr $(,)? } => {
        RuleInfo {
            id: $id,
            category: $category,
            #[cfg(test)]
            flags: $flags,
            #[cfg(test)]
            passes: $passes,
        }
    };
}

pub mod context;

mod bed_location;
mod celebrity_patient;
mod clinical_encounter;
mod date_of_birth;
mod email_address;
mod encounter;
mod hospital_number;
mod national_insurance;
mod nhs_number;
mod patient_image;
mod patient_name;
mod phone_number;
mod postcode;
mod scottish_chi;
mod us_ssn;
mod workplace_term;

// Conduct and content rules.
mod advert_claims;
mod colleague_attack;
mod factual_allegation;
mod false_health_claim;
mod live_case;
mod patient_boundaries;
mod personal_advice;
mod protected_material;
mod undisclosed_promotion;
// Conduct rules: tone, impairment, discrimination, security.
mod asleep_on_shift;
mod derogatory_label;
mod discriminatory_phrase;
mod discriminatory_slur;
mod door_code;
mod drugs_from_work;
mod hostile_phrase;
mod intoxicated_at_work;
mod location_overshare;
mod patient_insult;
mod profanity;
mod registration_number;
mod shouting;

/// What a rule is and the examples that pin down its behaviour.
pub struct RuleInfo {
    /// Stable id, used in findings and in the user's "turn off this rule" list.
    pub id: &'static str,
    pub category: Category,
    /// Texts this rule must flag (test builds only: kept out of the shipped wasm).
    #[cfg(test)]
    pub flags: &'static [&'static str],
    /// Near-misses this rule must not flag (test builds only).
    #[cfg(test)]
    pub passes: &'static [&'static str],
}

/// What a rule reports; the checker adds the rule id, the text, offsets and guidance.
pub struct Hit {
    pub span: Range<usize>,
    pub category: Category,
    pub severity: Severity,
    pub message: Cow<'static, str>,
    pub suggestion: Option<String>,
}

impl Hit {
    pub fn new(
        info: &RuleInfo,
        span: Range<usize>,
        severity: Severity,
        message: impl Into<Cow<'static, str>>,
    ) -> Hit {
        Hit {
            span,
            category: info.category,
            severity,
            message: message.into(),
            suggestion: None,
        }
    }

    pub fn suggest(mut self, replacement: impl Into<String>) -> Hit {
        self.suggestion = Some(replacement.into());
        self
    }
}

/// What a rule may know besides the text. Made afresh for each check.
pub struct Context<'c> {
    /// An image or video is attached to the post.
    pub media_attached: bool,
    /// The user's workplace terms (hospital, wards, colleagues); empty when none.
    pub workplace: &'c Lexicon,
    /// The encounter analysis, which two rules read: made once per check (see
    /// [`encounter::encounters`]).
    encounters: std::cell::OnceCell<encounter::Analysis>,
}

impl<'c> Context<'c> {
    pub fn new(media_attached: bool, workplace: &'c Lexicon) -> Context<'c> {
        Context {
            media_attached,
            workplace,
            encounters: std::cell::OnceCell::new(),
        }
    }
}

pub trait Rule: Send + Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Hit>);
}

/// Every rule, in a fixed order.
pub fn all() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(nhs_number::NhsNumber),
        Box::new(scottish_chi::ScottishChi),
        Box::new(postcode::Postcode),
        Box::new(phone_number::PhoneNumber),
        Box::new(email_address::EmailAddress),
        Box::new(date_of_birth::DateOfBirth),
        Box::new(hospital_number::HospitalNumber),
        Box::new(patient_name::PatientName),
        Box::new(bed_location::BedLocation),
        Box::new(national_insurance::NationalInsurance),
        Box::new(us_ssn::UsSsn),
        // Conduct and content rules.
        Box::new(patient_boundaries::PatientBoundaries),
        Box::new(personal_advice::PersonalAdvice),
        Box::new(colleague_attack::ColleagueAttack),
        Box::new(factual_allegation::FactualAllegation),
        Box::new(live_case::LiveCase),
        Box::new(advert_claims::AdvertClaims),
        Box::new(undisclosed_promotion::UndisclosedPromotion),
        Box::new(false_health_claim::FalseHealthClaim),
        Box::new(protected_material::ProtectedMaterial),
        // Conduct rules: tone, impairment, discrimination, security.
        Box::new(derogatory_label::DerogatoryLabel),
        Box::new(patient_insult::PatientInsult),
        Box::new(discriminatory_slur::DiscriminatorySlur),
        Box::new(discriminatory_phrase::DiscriminatoryPhrase),
        Box::new(profanity::Profanity),
        Box::new(shouting::Shouting),
        Box::new(hostile_phrase::HostilePhrase),
        Box::new(intoxicated_at_work::IntoxicatedAtWork),
        Box::new(drugs_from_work::DrugsFromWork),
        Box::new(asleep_on_shift::AsleepOnShift),
        Box::new(door_code::DoorCode),
        Box::new(registration_number::RegistrationNumber),
        Box::new(location_overshare::LocationOvershare),
        Box::new(celebrity_patient::CelebrityPatient),
        Box::new(workplace_term::WorkplaceTerm),
        Box::new(clinical_encounter::ClinicalEncounter),
        Box::new(patient_image::PatientImage),
    ]
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// The workplace terms examples run with (see `workplace_term`).
    pub const TEST_WORKPLACE: &[&str] = &["St Elsewhere", "Rowan Ward"];

    /// Runs one rule alone on `text` and returns what it hit.
    pub fn hits(rule: &dyn Rule, text: &str) -> Vec<(String, Severity, Category)> {
        hits_with_media(rule, text, false)
    }

    pub fn hits_with_media(
        rule: &dyn Rule,
        text: &str,
        media_attached: bool,
    ) -> Vec<(String, Severity, Category)> {
        let doc = Document::new(text);
        // A user's workplace terms, as set in the options page; rules' examples may use them.
        let workplace = Lexicon::local(TEST_WORKPLACE);
        let ctx = Context::new(media_attached, &workplace);
        let mut out = Vec::new();
        rule.check(&doc, &ctx, &mut out);
        out.into_iter()
            .map(|h| (text[h.span].to_string(), h.severity, h.category))
            .collect()
    }

    /// Asserts the rule's declared examples: every `flags` text is hit, no `passes` text is.
    pub fn assert_examples(rule: &dyn Rule) {
        let info = rule.info();
        for text in info.flags {
            assert!(
                !hits(rule, text).is_empty(),
                "rule {} should flag: {text:?}",
                info.id
            );
        }
        for text in info.passes {
            let got = hits(rule, text);
            assert!(
                got.is_empty(),
                "rule {} should not flag {text:?}, got {got:?}",
                info.id
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_rule_meets_its_own_examples() {
        for rule in all() {
            testing::assert_examples(rule.as_ref());
        }
    }

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        let mut seen = HashSet::new();
        for rule in all() {
            let id = rule.info().id;
            assert!(seen.insert(id), "duplicate rule id {id}");
            assert!(
                id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{id}"
            );
        }
    }

    #[test]
    fn every_rule_declares_enough_examples() {
        for rule in all() {
            let info = rule.info();
            assert!(info.flags.len() >= 6, "{} needs 6+ flag examples", info.id);
            assert!(info.passes.len() >= 6, "{} needs 6+ pass examples", info.id);
        }
    }
}
