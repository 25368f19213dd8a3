//! Shared judgements about the words around a match: is a patient in the frame, is this a
//! service's public detail, is the person a colleague. Rules combine these with their own
//! evidence; the word lists are in `rulebook::context_words`.
use crate::report::Severity;
use crate::rulebook::context_words;
use crate::text::{Document, Lexicon};
use std::ops::Range;
use std::sync::LazyLock;

static PATIENT: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::PATIENT));
static SERVICE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::SERVICE));
static STAFF: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::STAFF_TITLES));
static PRAISE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::PUBLIC_PRAISE));
static DISCUSSING: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(context_words::DISCUSSING_A_TERM));
static THIRD_PARTY: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::THIRD_PARTY));
static TEACHING: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::TEACHING_FRAME));

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

/// How serious a contact detail (postcode, phone, email) is: beside a service it is that
/// service's public detail (`None`); beside a patient it identifies them (critical); alone it
/// still points at someone (medium).
pub fn contact_detail_severity(doc: &Document, span: &Range<usize>) -> Option<Severity> {
    // A service's own number or address is public even in a post about patients ("relatives,
    // call the ward on ..."), so the service frame is asked first.
    if service_near(doc, span) {
        None
    } else if patient_near(doc, span) {
        Some(Severity::Critical)
    } else {
        Some(Severity::Medium)
    }
}

static SPECIFIC_PATIENT: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(crate::rulebook::derogatory::SPECIFIC_PATIENT));

/// Discrimination aimed at a specific patient is also mocking that patient: add a
/// derogatory-patient hit on the same span, from the rule that found it.
pub fn derogatory_if_aimed_at_patient(
    doc: &Document,
    info: &super::RuleInfo,
    span: &Range<usize>,
    out: &mut Vec<super::Hit>,
) {
    if SPECIFIC_PATIENT.contains_in(doc.sentence_lower(span.start)) {
        let mut hit = super::Hit::new(
            info,
            span.clone(),
            Severity::High,
            "Mocking a patient for who they are undermines trust in the profession.",
        );
        hit.category = crate::report::Category::DerogatoryPatient;
        out.push(hit);
    }
}

/// A staff title in the few words before `at` ("Dr", "Sister", "consultant").
pub fn staff_title_before(doc: &Document, at: usize) -> bool {
    STAFF.contains_in(doc.window(&(at..at), 24, 0))
}

/// The sentence around `at` praises or thanks someone in public.
pub fn public_praise(doc: &Document, at: usize) -> bool {
    PRAISE.contains_in(doc.sentence_lower(at))
}

/// Negation words, for rules that check inside their own match.
pub static NEGATION_LEX: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(context_words::NEGATION));
static MYTH: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::MYTH_FRAMING));
static PROMOTION: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(context_words::PROMOTION));

/// A negation ("not", "never", "isn't", "no") in the few words before `at`, within its
/// sentence: "does not cause", "never met a lazy consultant".
pub fn negated_before(doc: &Document, at: usize, bytes: usize) -> bool {
    let sentence = doc.sentence_at(at);
    let start = at.saturating_sub(bytes).max(sentence.start);
    NEGATION_LEX.contains_in(doc.window(&(start..start), 0, at.saturating_sub(start)))
}

/// The claim at `at` is being quoted to be corrected: "Myth: ...", "the claim that ... is
/// false", "No, ... does not ...", "debunked". Looks at the claim's sentence and the next one
/// (a "Myth: X. Fact: Y" pair spans two).
pub fn framed_as_myth(doc: &Document, at: usize) -> bool {
    let i = doc.sentence_index(at);
    let sentences = doc.sentences();
    let here = doc.sentence_lower(at);
    if MYTH.contains_in(here) {
        return true;
    }
    // The sentence before: "Myth:" headings on their own line; the one after: "Fact: ...".
    [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| sentences.get(j))
        .any(|s| MYTH.contains_in(&doc.lower[s.clone()]))
}

/// The post reads as an advert: prices, offers, booking calls, "link in bio".
pub fn promotion_in(haystack: &str) -> bool {
    PROMOTION.contains_in(haystack) || has_price(haystack)
}

/// A price: a currency sign followed by a digit ("£99", "$ 50", "€1,200").
pub fn has_price(haystack: &str) -> bool {
    price_at(haystack).is_some()
}

/// The byte offset of the first price in `haystack`.
pub fn price_at(haystack: &str) -> Option<usize> {
    // Currency signs by their first byte: '$', and the lead bytes of '£' (C2 A3) and
    // '€' (E2 82 AC); a byte scan, not a char-by-char search.
    let bytes = haystack.as_bytes();
    let mut from = 0;
    while let Some(p) = bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'$' | 0xC2 | 0xE2))
    {
        let at = from + p;
        let sign_len = match &bytes[at..] {
            [b'$', ..] => 1,
            [0xC2, 0xA3, ..] => 2,
            [0xE2, 0x82, 0xAC, ..] => 3,
            _ => 0,
        };
        if sign_len > 0 {
            let rest = haystack[at + sign_len..].trim_start();
            if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                return Some(at);
            }
        }
        from = at + sign_len.max(1);
    }
    None
}

/// `word` occurs in `haystack` as a whole word (ASCII boundaries).
pub fn has_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        crate::text::boundary_before(haystack, i)
            && crate::text::boundary_after(haystack, i + word.len())
    })
}

/// The lower-cased part of the sentence around `at` that comes before it, at most `max`
/// bytes back (widened to a char boundary).
pub fn sentence_before<'d>(doc: &'d Document, at: usize, max: usize) -> &'d str {
    let s = doc.sentence_at(at);
    let at = at.min(doc.lower.len()).max(s.start);
    let mut start = at.saturating_sub(max).max(s.start);
    while !doc.lower.is_char_boundary(start) {
        start -= 1;
    }
    &doc.lower[start..at]
}

/// The sentence around `span` talks about a term instead of using it: quoted, criticised,
/// negated, or reported as something said to the writer.
pub fn discussing_term(doc: &Document, span: &Range<usize>) -> bool {
    talks_about_term(doc, span) || negated_before(doc, span.start, 25)
}

/// Like [`discussing_term`] but without the negation test, for phrases that stay demeaning
/// when negated ("they don't even try to learn English").
pub fn talks_about_term(doc: &Document, span: &Range<usize>) -> bool {
    let b = doc.lower.as_bytes();
    let quoted_before = span.start > 0 && matches!(b[span.start - 1], b'\'' | b'"')
        || doc.lower[..span.start].ends_with('\u{2018}')
        || doc.lower[..span.start].ends_with('\u{201c}');
    quoted_before || DISCUSSING.contains_in(doc.sentence_lower(span.start))
}

/// Any of `needles` occurs in `haystack` as plain text: a cheap gate before a costlier
/// regex pass (most posts contain none of a rule's anchor words).
pub fn any_of(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

/// `s` contains a negation word.
pub fn has_negation(s: &str) -> bool {
    NEGATION_LEX.contains_in(s)
}

/// Someone other than the writer is named as the subject within `max` bytes before `at`.
pub fn third_party_before(doc: &Document, at: usize, max: usize) -> bool {
    THIRD_PARTY.contains_in(sentence_before(doc, at, max))
}

/// The post is teaching, policy or support material about the subject.
pub fn teaching_frame(doc: &Document, span: &Range<usize>) -> bool {
    TEACHING.contains_in(doc.window(span, 120, 120))
}
