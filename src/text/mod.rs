//! Text handling shared by every rule: the checked document with its sentences, fast
//! case-insensitive phrase lists, regex construction, and byte to UTF-16 offset conversion.
mod document;
mod lexicon;
pub mod obfuscation;
mod offsets;

pub use document::Document;
pub use lexicon::Lexicon;
pub use offsets::utf16_offsets;

use regex::{Regex, RegexBuilder};

/// Builds a rule's regex. `\b` becomes an ASCII word boundary: Unicode word boundaries force
/// the regex engine off its fast DFA on any non-ASCII text, which would break the budgets,
/// and for the English words rules look for the ASCII definition is the one we want.
/// Patterns are static and each rule's tests compile them, so a bad pattern fails the tests.
pub fn regex(pattern: &str) -> Regex {
    let ascii_boundaries = pattern.replace(r"\b", r"(?-u:\b)");
    RegexBuilder::new(&ascii_boundaries)
        .case_insensitive(true)
        .size_limit(1 << 24)
        .build()
        .unwrap_or_else(|e| panic!("rule pattern {pattern:?} does not compile: {e}"))
}

/// Like [`regex`] but case-sensitive, for patterns where capitals carry meaning (names,
/// postcodes, ALL-CAPS shouting).
pub fn regex_cased(pattern: &str) -> Regex {
    let ascii_boundaries = pattern.replace(r"\b", r"(?-u:\b)");
    RegexBuilder::new(&ascii_boundaries)
        .size_limit(1 << 24)
        .build()
        .unwrap_or_else(|e| panic!("rule pattern {pattern:?} does not compile: {e}"))
}

/// True when the byte before `at` is not part of a word (ASCII letter or digit).
pub fn boundary_before(text: &str, at: usize) -> bool {
    at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric()
}

/// True when the byte at `at` is not part of a word (ASCII letter or digit).
pub fn boundary_after(text: &str, at: usize) -> bool {
    at >= text.len() || !text.as_bytes()[at].is_ascii_alphanumeric()
}
