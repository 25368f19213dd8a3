//! Boundaries: inviting patients into private contact, befriending or flirting with patients
//! or former patients, and consulting by private message. An invitation to DM is ordinary
//! on its own ("DM me for the slides"); it is a boundary issue when the person invited is a
//! patient, when what is offered is treatment, or when the approach is romantic. Posts that
//! describe declining such an approach, or teach about boundaries, are good practice.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::boundaries::{
    FLIRT_EMOJI, PATIENT_PERSON, PERSONAL_APPS, PRIVATE_CHANNEL, PROFESSIONAL, REFUSED, ROMANCE,
    SEXUAL, TREATMENT,
};
use crate::text::{Document, Lexicon};
use std::sync::LazyLock;

pub struct PatientBoundaries;

static INFO: RuleInfo = rule_info! {
    id: "patient-boundaries",
    category: Category::Boundaries,
    flags: &[
        "To my lovely patient from Tuesday - add me on Insta 😉",
        "DM me your symptoms and I'll sort you out",
        "my ex-patient asked me out, should I?",
        "message me privately for a consultation",
        "The fit dad from bay 4 gave me his number 🥵",
        "Patient sent me a friend request on fb, accept or not?",
        "Got a rash? Send me a pic and I'll tell you what it is",
    ],
    passes: &[
        "DM us for press enquiries",
        "add me on LinkedIn, always happy to mentor students",
        "DM me for the slides from today's talk",
        "A patient sent me a friend request. I politely declined - boundaries protect both of us",
        "Worried about a mole? See your GP or pharmacist",
        "Patient leaders: message me if you'd like to join our PPI panel",
        "Follow me for more posts on medicines safety",
    ],
};

static CHANNEL: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PRIVATE_CHANNEL));
static APPS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PERSONAL_APPS));
static TREAT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(TREATMENT));
static PRO: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PROFESSIONAL));
static PATIENT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PATIENT_PERSON));
static ROMANTIC: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(ROMANCE));
static SEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(SEXUAL));
static NO: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(REFUSED));

/// How far around a match the rule looks for who is involved, in bytes.
const AROUND: usize = 120;

fn flirty(doc: &Document) -> bool {
    FLIRT_EMOJI.iter().any(|e| doc.text.contains(e)) || SEX.contains_in(&doc.lower)
}

impl Rule for PatientBoundaries {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for (span, _) in ROMANTIC.find_iter(doc) {
            let sentence = doc.sentence_lower(span.start);
            let around = doc.window(&span, AROUND, AROUND);
            let phrase = &doc.lower[span.clone()];
            let patient = phrase.contains("patient") || PATIENT.contains_in(around);
            if !patient || NO.contains_in(sentence) || NO.contains_in(doc.window(&span, 0, 160)) {
                continue;
            }
            let sexual = SEX.contains_in(phrase) || SEX.contains_in(sentence);
            let (severity, message) = if sexual {
                (
                    Severity::Critical,
                    "A romantic or sexual approach involving a patient or former patient breaches professional boundaries.",
                )
            } else {
                (
                    Severity::High,
                    "Befriending a patient or former patient on social media blurs professional boundaries.",
                )
            };
            out.push(Hit::new(&INFO, span, severity, message));
            return;
        }
        for (span, _) in CHANNEL.find_iter(doc) {
            let sentence = doc.sentence_lower(span.start);
            let around = doc.window(&span, AROUND, AROUND);
            let phrase = &doc.lower[span.clone()];
            let public_follow = phrase.starts_with("follow") || phrase.starts_with("add");
            let patient = PATIENT.contains_in(around);
            let treatment = TREAT.contains_in(sentence) || TREAT.contains_in(around);
            let personal_app = APPS.contains_in(around);
            if NO.contains_in(sentence) || NO.contains_in(doc.window(&span, 0, 160)) {
                continue;
            }
            if PRO.contains_in(sentence) && !(patient && personal_app) {
                continue;
            }
            let hit = if patient && (personal_app || !public_follow) {
                let severity = if flirty(doc) {
                    Severity::Critical
                } else {
                    Severity::High
                };
                Hit::new(
                    &INFO,
                    span,
                    severity,
                    "Inviting a patient into private contact blurs professional boundaries.",
                )
            } else if treatment && !public_follow && !context::promotion_in(&doc.lower) {
                Hit::new(
                    &INFO,
                    span,
                    Severity::High,
                    "Assessing or treating people by private message is a consultation without records, examination or safeguards.",
                )
                .suggest("see your GP, pharmacist or NHS 111")
            } else {
                continue;
            };
            out.push(hit);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&PatientBoundaries);
    }

    #[test]
    fn winking_invitation_to_a_patient_is_critical() {
        let got = hits(
            &PatientBoundaries,
            "To my lovely patient from Tuesday - add me on Insta 😉",
        );
        assert_eq!(got[0].0, "add me");
        assert_eq!(got[0].1, Severity::Critical);
    }

    #[test]
    fn dm_consultation_is_high_with_a_suggestion() {
        let doc = Document::new("DM me your symptoms and I'll sort you out");
        let workplace = Lexicon::new(Vec::<String>::new());
        let ctx = Context::new(false, &workplace);
        let mut out = Vec::new();
        PatientBoundaries.check(&doc, &ctx, &mut out);
        assert_eq!(out[0].severity, Severity::High);
        assert!(out[0].suggestion.is_some());
    }
}
