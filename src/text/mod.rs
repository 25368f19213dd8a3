//! Text handling shared by every rule: the checked document with its sentences, fast
//! case-insensitive phrase lists, regex construction, and byte to UTF-16 offset conversion.
mod document;
mod fold;
mod lexicon;
pub mod obfuscation;
mod offsets;

pub use document::Document;
pub use lexicon::{compile_phrase_index, Lexicon};
pub use offsets::utf16_offsets;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// Builds a rule's regex (case-insensitive). Perl classes are ASCII: `\b` is an ASCII word
/// boundary, `\d` `\w` `\s` (and their negations) ASCII classes. Unicode word boundaries
/// force the regex engine off its fast DFA on any non-ASCII text, which would break the speed
/// budget, and leaving out the Unicode class tables keeps the wasm small; for the English
/// words rules look for, the ASCII definitions are the ones we want.
/// Patterns are static and each rule's tests compile them, so a bad pattern fails the tests.
pub fn regex(pattern: &str) -> Regex {
    build(pattern, true)
}

/// Like [`regex`] but case-sensitive, for patterns where capitals carry meaning (names,
/// postcodes, ALL-CAPS shouting).
pub fn regex_cased(pattern: &str) -> Regex {
    build(pattern, false)
}

/// For patterns matched against [`Document::lower`] only: written in lower case, compiled
/// case-sensitively. The text is lower-cased already, so this finds what [`regex`] would,
/// but the regex engine can then skip ahead on the pattern's literal words (a
/// case-insensitive literal has too many spellings to search for), which keeps rules that
/// look for rare labels ("mrn", "amzn.to") from reading every byte.
/// A pattern with a capital or non-ASCII letter would silently miss text, so it panics
/// (every rule's tests compile its patterns).
pub fn regex_lower(pattern: &str) -> Regex {
    let mut escaped = false;
    for c in pattern.chars() {
        let letter = c.is_ascii_uppercase() || (c.is_alphabetic() && !c.is_ascii());
        assert!(
            escaped || !letter,
            "regex_lower pattern {pattern:?} has the letter {c:?}: write it in ASCII lower case"
        );
        escaped = !escaped && c == '\\';
    }
    build(pattern, false)
}

/// Several [`regex`] patterns searched in one pass, to learn which of them occur: a gate
/// before running only those (a rule with a dozen claim patterns per sentence).
pub fn regex_set<'p>(patterns: impl IntoIterator<Item = &'p str>) -> RegexSet {
    RegexSetBuilder::new(
        patterns
            .into_iter()
            .map(|p| fold::spell_out_cases(&ascii_perl_classes(p))),
    )
    .size_limit(1 << 24)
    .build()
    .unwrap_or_else(|e| panic!("rule pattern set does not compile: {e}"))
}

fn build(pattern: &str, case_insensitive: bool) -> Regex {
    let ascii = ascii_perl_classes(pattern);
    let pattern_text = if case_insensitive {
        fold::spell_out_cases(&ascii)
    } else {
        ascii
    };
    RegexBuilder::new(&pattern_text)
        .size_limit(1 << 24)
        .build()
        .unwrap_or_else(|e| panic!("rule pattern {pattern:?} does not compile: {e}"))
}

/// Rewrites `\b \B \d \D \w \W \s \S` to ASCII forms. Nested classes make the
/// bracketed forms valid inside `[...]` too (`[^\d\n]` becomes `[^[0-9]\n]`).
fn ascii_perl_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some('B') => out.push_str("(?-u:\\B)"),
            Some('d') => out.push_str("[0-9]"),
            Some('D') => out.push_str("[^0-9]"),
            Some('w') => out.push_str("[0-9A-Za-z_]"),
            Some('W') => out.push_str("[^0-9A-Za-z_]"),
            Some('s') => out.push_str("[\\t\\n\\x0B\\x0C\\r ]"),
            Some('S') => out.push_str("[^\\t\\n\\x0B\\x0C\\r ]"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// True when the byte before `at` is not part of a word (ASCII letter or digit).
pub fn boundary_before(text: &str, at: usize) -> bool {
    at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric()
}

/// True when the byte at `at` is not part of a word (ASCII letter or digit).
pub fn boundary_after(text: &str, at: usize) -> bool {
    at >= text.len() || !text.as_bytes()[at].is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_classes_become_ascii() {
        assert_eq!(
            ascii_perl_classes(r"\bx\d[^\d\n]\\d"),
            r"(?-u:\b)x[0-9][^[0-9]\n]\\d"
        );
        let re = regex(r"\bnhs\s+no\b[^\d\n]{0,3}(\d{3})");
        assert_eq!(&re.captures("NHS  No: 943").unwrap()[1], "943");
        assert!(
            !regex(r"\d").is_match("٣"),
            "Arabic-Indic digits are not ASCII digits"
        );
        assert!(regex(r"\bmr khan\b").is_match("RIP MR KHAN"));
    }

    #[test]
    fn lower_case_patterns_find_on_lowered_text_what_case_free_ones_find() {
        let text = "MRN: K1234567, Amzn.To/xyz and \\d is not a digit";
        let doc = Document::new(text);
        for pattern in [r"\bmrn\b\s*:?\s*([a-z]\d{5,})", r"amzn\.to/\w+", r"\\d"] {
            let spans =
                |re: Regex, hay: &str| re.find_iter(hay).map(|m| m.range()).collect::<Vec<_>>();
            assert_eq!(
                spans(regex_lower(pattern), &doc.lower),
                spans(regex(pattern), text)
            );
        }
    }

    #[test]
    #[should_panic(expected = "ASCII lower case")]
    fn lower_case_patterns_refuse_capitals() {
        regex_lower(r"\bMRN\b");
    }
}
