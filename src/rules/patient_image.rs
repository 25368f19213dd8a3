//! Pictures of patients: a photo of a wound, an x-ray "of the day", a screenshot of the notes,
//! a selfie with a patient. A picture word needs a patient subject nearby (the patient, a
//! body finding, their records, "guess what he swallowed"); pictures of the team, a garden
//! or a lecture are fine, and so is advice not to take them. When the extension says an
//! image is attached, patient context alone is enough.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::images;
use crate::text::{regex_cased, Document, Lexicon};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct PatientImage;

static INFO: RuleInfo = rule_info! {
    id: "patient-image",
    category: Category::PatientImage,
    flags: &[
        "Selfie with my favourite patient 🥰",
        "X-ray of the day - guess what he swallowed",
        "pic of the wound",
        "look at this rash 📸",
        "screenshot of the notes",
        "Snapped her ECG on my phone, look at those ST elevations",
        "Guess what we pulled out of this guy? Pic below 👇",
    ],
    passes: &[
        "Selfie with the team after our charity run",
        "X-ray physics lecture tomorrow",
        "Photo of our new clinic garden",
        "Please never post photos of patients, even with their faces hidden",
        "The new MRI scanner arrived at the hospital today",
        "Our baby's 20 week scan today!! It's a girl",
        "Look at this rainbow over the car park after my night shift 📸",
        "People send me their symptoms all the time. A rash photo, a list of meds. I can't diagnose over DMs.",
        "Ex-colleagues, come and follow me on snap!",
    ],
};

static PICTURES: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::PICTURES));
static POSTING: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::POSTING));
static RECORDS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::RECORDS));
static SUBJECTS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::SUBJECTS));
static PRONOUNS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::PRONOUNS));
static NOT_SUBJECTS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::NOT_SUBJECTS));
static ADVICE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::ADVICE));
static INBOUND: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::INBOUND));
static RIDICULE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::RIDICULE));
static CONSENT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::CONSENT));
static RADIOLOGY: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::RADIOLOGY));
static SHOWING: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(images::SHOWING));
static TITLED: LazyLock<Regex> =
    LazyLock::new(|| regex_cased(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.? [A-Z][a-z]+"));

/// Words that name the patient themselves: they outweigh "team" or "garden" nearby.
const PATIENT_SUBJECTS: crate::rulebook::Words = crate::words![
    "patient",
    "pt",
    "my patient",
    "our patient",
    "my pt",
    "resident",
    "service user",
];

/// What the picture around `at` shows.
enum Subject {
    Patient(Range<usize>),
    Other,
    Unknown,
}

/// A sentence this short is only a pointer ("Pic below 👇"): its subject is next door.
const POINTER_LEN: usize = 40;

/// The sentence at `at`, and when it is only a pointer, the sentences before and after: a
/// picture word and its subject are often split ("Guess what we pulled out of this guy? Pic
/// below").
fn neighbourhood(doc: &Document, at: usize) -> Range<usize> {
    let i = doc.sentence_index(at);
    let s = doc.sentences();
    let Some(cur) = s.get(i) else {
        return 0..0;
    };
    if cur.len() > POINTER_LEN {
        return cur.clone();
    }
    let start = if i > 0 { s[i - 1].start } else { cur.start };
    let end = s.get(i + 1).map_or(cur.end, |n| n.end);
    start..end
}

fn subject(doc: &Document, pic: &Range<usize>) -> Subject {
    let sentence = doc.sentence_at(pic.start);
    let s_lower = &doc.lower[sentence.clone()];
    if ADVICE.contains_in(s_lower) {
        return Subject::Other;
    }
    // "follow me on snap": the app, not a picture.
    if doc.lower[..pic.start].ends_with("on ") {
        return Subject::Other;
    }
    // Photos sent to the poster ("people send me ... a rash photo"): this sentence or the one
    // before it says the picture comes in.
    let i = doc.sentence_index(pic.start);
    let prev_start = match i.checked_sub(1).and_then(|j| doc.sentences().get(j)) {
        Some(p) => p.start,
        None => sentence.start,
    };
    if INBOUND.contains_in(&doc.lower[prev_start..sentence.end]) {
        return Subject::Other;
    }
    let radiology = RADIOLOGY.contains_in(&doc.lower[pic.clone()]);
    if radiology && !SHOWING.contains_in(s_lower) {
        return Subject::Other;
    }
    let hood = neighbourhood(doc, pic.start);
    let hood_lower = &doc.lower[hood.clone()];
    let mut found: Option<Range<usize>> = None;
    let mut naming_patient = false;
    let mut weak = false;
    for (r, i) in SUBJECTS.find_in(hood_lower, hood.start) {
        naming_patient |= PATIENT_SUBJECTS.contains(images::SUBJECTS[i]);
        weak = images::WEAK_SUBJECTS.contains(images::SUBJECTS[i]);
        // Prefer a subject in the same sentence as the picture word.
        if found.is_none() || (r.start >= sentence.start && r.end <= sentence.end) {
            found = Some(r);
            if naming_patient {
                break;
            }
        }
    }
    if found.is_none() {
        // "snapped her ECG", "video of him": a pronoun just after the picture word.
        let after = doc.window(&(pic.end..pic.end), 0, 12);
        if let Some((r, _)) = PRONOUNS.find_in(after, pic.end).next() {
            if r.end <= sentence.end {
                found = Some(r);
            }
        }
    }
    if found.is_none() && radiology {
        // An x-ray or scan being shown is a picture of someone's body by itself.
        found = Some(pic.clone());
        weak = true;
    }
    if found.is_none() {
        if let Some(m) = TITLED.find(&doc.text[sentence.clone()]) {
            found = Some(sentence.start + m.start()..sentence.start + m.end());
            naming_patient = true;
        }
    }
    let in_sentence = found
        .as_ref()
        .is_some_and(|r| r.start >= sentence.start && r.end <= sentence.end);
    if !naming_patient && (!in_sentence || weak) && NOT_SUBJECTS.contains_in(s_lower) {
        return Subject::Other;
    }
    match found {
        Some(r) => Subject::Patient(r),
        None => Subject::Unknown,
    }
}

fn severity(doc: &Document, span: &Range<usize>) -> Severity {
    let hood = neighbourhood(doc, span.start);
    if CONSENT.contains_in(&doc.lower[hood]) {
        Severity::Low
    } else {
        Severity::Critical
    }
}

const MESSAGE: &str =
    "A picture of a patient, their body or their records is patient information, even cropped.";

impl Rule for PatientImage {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Hit>) {
        let before = out.len();
        let mut reported_until = 0;
        for (pic, _) in PICTURES.find_iter(doc) {
            if pic.start < reported_until {
                continue;
            }
            if let Subject::Patient(subject) = subject(doc, &pic) {
                let sentence = doc.sentence_at(pic.start);
                let span = if subject.start >= sentence.start && subject.end <= sentence.end {
                    pic.start.min(subject.start)..pic.end.max(subject.end)
                } else {
                    pic.clone()
                };
                reported_until = sentence.end;
                out.push(Hit::new(&INFO, span.clone(), severity(doc, &span), MESSAGE));
                // Sharing the picture for a laugh also mocks the patient.
                let hood = neighbourhood(doc, pic.start);
                if let Some((r, _)) = RIDICULE
                    .find_in(&doc.lower[hood.clone()], hood.start)
                    .next()
                {
                    let mut hit = Hit::new(
                        &INFO,
                        r,
                        Severity::High,
                        "Sharing a patient's picture for laughs mocks them.",
                    );
                    hit.category = Category::DerogatoryPatient;
                    out.push(hit);
                }
            }
        }
        // "Posting the handover sheet": records shared, with or without a picture word.
        for (verb, _) in POSTING.find_iter(doc) {
            let sentence = doc.sentence_at(verb.start);
            if verb.start < reported_until || ADVICE.contains_in(&doc.lower[sentence.clone()]) {
                continue;
            }
            let after = doc.window(&(verb.end..verb.end), 0, 30);
            if let Some((r, _)) = RECORDS.find_in(after, verb.end).next() {
                if r.end <= sentence.end {
                    reported_until = sentence.end;
                    let span = verb.start..r.end;
                    out.push(Hit::new(&INFO, span.clone(), severity(doc, &span), MESSAGE));
                }
            }
        }
        if out.len() > before || !ctx.media_attached || doc.text.trim().is_empty() {
            return;
        }
        // An attached image with a patient in the post.
        let whole = 0..doc.text.len();
        let lower = doc.lower.as_str();
        if ADVICE.contains_in(lower) {
            return;
        }
        let naming_patient = SUBJECTS
            .find_in(lower, 0)
            .any(|(_, i)| PATIENT_SUBJECTS.contains(images::SUBJECTS[i]));
        if !naming_patient && NOT_SUBJECTS.contains_in(lower) {
            return;
        }
        let anchor = SUBJECTS
            .find_in(lower, 0)
            .map(|(r, _)| r)
            .next()
            .or_else(|| context::patient_near(doc, &whole).then(|| doc.sentence_at(0)));
        if let Some(span) = anchor {
            out.push(Hit::new(
                &INFO,
                span.clone(),
                severity(doc, &span),
                "An image attached to a post about a patient may show them or their records.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits, hits_with_media};

    #[test]
    fn examples() {
        assert_examples(&PatientImage);
    }

    #[test]
    fn ridiculing_the_pictured_patient_is_also_derogatory() {
        let got = hits(
            &PatientImage,
            "Filmed this lad kicking off in majors, absolute state of him",
        );
        assert!(got.iter().any(|h| h.2 == Category::DerogatoryPatient));
        let got = hits(
            &PatientImage,
            "Photo of the wound for the notes, healing well",
        );
        assert!(got.iter().all(|h| h.2 != Category::DerogatoryPatient));
    }

    #[test]
    fn span_runs_from_picture_to_subject() {
        let got = hits(&PatientImage, "Selfie with my favourite patient 🥰");
        assert_eq!(got[0].0, "Selfie with my favourite patient");
        assert_eq!(got[0].1, Severity::Critical);
    }

    #[test]
    fn attached_media_with_a_patient_is_critical() {
        let got = hits_with_media(&PatientImage, "Look what came in to resus tonight 😳", true);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, Severity::Critical);
        assert!(hits_with_media(&PatientImage, "Night shift done ☕", true).is_empty());
        assert!(hits_with_media(&PatientImage, "Our team at the charity run", true).is_empty());
        assert!(hits(&PatientImage, "Look what came in to resus tonight 😳").is_empty());
    }

    #[test]
    fn stated_consent_lowers_to_an_advisory() {
        let got = hits(
            &PatientImage,
            "Here's my patient's MRI - she said I could post it!",
        );
        assert_eq!(got[0].1, Severity::Low);
    }

    #[test]
    fn a_shown_xray_is_a_picture_of_someone() {
        assert!(!hits(
            &PatientImage,
            "xray from earlier - that's a whole toothbrush"
        )
        .is_empty());
        assert!(hits(
            &PatientImage,
            "Patients over 80 who had a CT head did better"
        )
        .is_empty());
    }

    #[test]
    fn records_posted_without_a_picture_word() {
        assert!(!hits(&PatientImage, "posting the handover sheet so you can see").is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "📸", "pic", "\0 pic \0", "her pic", "Mrs"] {
            let _ = hits_with_media(&PatientImage, text, true);
        }
    }
}
