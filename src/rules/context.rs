//! Shared judgements about the words around a match: is a patient in the frame, is this a
//! service's public detail, is the person a colleague. Rules combine these with their own
//! evidence; the word lists are in `rulebook::context_words`.
use crate::rulebook::context_words;
use crate::text::{Document, Lexicon};
use std::ops::Range;
use std::sync::LazyLock;

static PATIENT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::PATIENT));
static SERVICE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::SERVICE));
static STAFF: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::STAFF_TITLES));
static PRAISE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::PUBLIC_PRAISE));

/// How far around a match rules look for context words, in bytes.
pub const NEAR: usize = 80;

/// A patient-context word in the same sentence as `span` or within [`NEAR`] bytes.
pub fn patient_near(doc: &Document, span: &Range<usize>) -> bool {
    PATIENT.contains_in(doc.window(span, NEAR, NEAR))
        || PATIENT.contains_in(doc.sentence_lower(span.start))
}

/// A service-context word ("clinic", "call us", "booking") within [`NEAR`] bytes of `span`
/// or anywhere in its sentence.
pub fn service_near(doc: &Document, span: &Range<usize>) -> bool {
    SERVICE.contains_in(doc.window(span, NEAR, NEAR))
        || SERVICE.contains_in(doc.sentence_lower(span.start))
}

/// A staff title in the few words before `at` ("Dr", "Sister", "consultant").
pub fn staff_title_before(doc: &Document, at: usize) -> bool {
    STAFF.contains_in(doc.window(&(at..at), 24, 0))
}

/// The sentence around `at` praises or thanks someone in public.
pub fn public_praise(doc: &Document, at: usize) -> bool {
    PRAISE.contains_in(doc.sentence_lower(at))
}
