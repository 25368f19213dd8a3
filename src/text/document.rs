use super::lexicon::{index_document, IndexGuard};
use super::obfuscation::{disguised_tokens, Disguised};
use std::cell::OnceCell;
use std::ops::Range;

/// The text being checked, with what rules need precomputed once per check.
pub struct Document<'t> {
    pub text: &'t str,
    /// `text` with ASCII letters lower-cased: same length and same char boundaries, so byte
    /// offsets found in it are valid in `text`.
    pub lower: String,
    /// Sentence spans in order, covering every non-blank part of the text.
    sentences: Vec<Range<usize>>,
    /// Every phrase list's matches in `lower`, found in one pass (see `text::lexicon`); live
    /// for as long as the document.
    _index: Option<IndexGuard>,
    /// Words written to dodge filters, found on first use (see `text::obfuscation`).
    disguised: OnceCell<Vec<Disguised>>,
}

impl<'t> Document<'t> {
    pub fn new(text: &'t str) -> Document<'t> {
        let lower = text.to_ascii_lowercase();
        let index = index_document(&lower);
        Document {
            text,
            lower,
            sentences: split_sentences(text),
            _index: index,
            disguised: OnceCell::new(),
        }
    }

    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// Tokens that look like words written to dodge filters ("f*ck", "sh1t"); several rules
    /// compare them with their lists, so they are found once.
    pub fn disguised(&self) -> &[Disguised] {
        self.disguised.get_or_init(|| disguised_tokens(&self.lower))
    }

    /// The index of the sentence containing byte `at` (the nearest one before it in a gap).
    pub fn sentence_index(&self, at: usize) -> usize {
        match self.sentences.binary_search_by(|s| {
            if s.end <= at {
                std::cmp::Ordering::Less
            } else if s.start > at {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The span of the sentence containing byte `at` (empty text: an empty span).
    pub fn sentence_at(&self, at: usize) -> Range<usize> {
        self.sentences
            .get(self.sentence_index(at))
            .cloned()
            .unwrap_or(0..0)
    }

    /// The lower-cased text from up to `before` bytes before `span` to up to `after` bytes
    /// after it, widened to char boundaries. For "is there a context word nearby" checks.
    pub fn window(&self, span: &Range<usize>, before: usize, after: usize) -> &str {
        let mut start = span.start.saturating_sub(before);
        while !self.lower.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (span.end + after).min(self.lower.len());
        while !self.lower.is_char_boundary(end) {
            end += 1;
        }
        &self.lower[start..end]
    }

    /// The lower-cased text of the sentence around `at`.
    pub fn sentence_lower(&self, at: usize) -> &str {
        let s = self.sentence_at(at);
        &self.lower[s]
    }
}

/// Splits on sentence-final punctuation followed by white space, and on line breaks (each
/// line of a post is its own unit: lists and headings rarely end with a full stop).
fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = match b {
            b'\n' => Some(i),
            b'.' | b'!' | b'?' => {
                // Swallow runs like "?!" or "...", then require white space or the end.
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                if j >= bytes.len() || bytes[j] == b' ' || bytes[j] == b'\n' || bytes[j] == b'\t' {
                    i = j - 1;
                    Some(j)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(end) = end_here {
            push_trimmed(text, start, end, &mut out);
            start = if b == b'\n' { i + 1 } else { end };
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        out.push(s..s + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        doc.sentences().iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn splits_on_punctuation_and_lines() {
        assert_eq!(
            sentences("Night shift done. Home now!\nNext line?! yes"),
            vec!["Night shift done.", "Home now!", "Next line?!", "yes"]
        );
    }

    #[test]
    fn keeps_decimals_and_urls_whole() {
        assert_eq!(
            sentences("Dose 2.5 mg at bbc.co.uk ok"),
            vec!["Dose 2.5 mg at bbc.co.uk ok"]
        );
    }

    #[test]
    fn empty_and_blank_text_have_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n \n").is_empty());
    }

    #[test]
    fn window_is_clamped_to_char_boundaries() {
        let doc = Document::new("é🙂 Mr Khan 🙂é");
        let at = doc.text.find("Mr").unwrap();
        let w = doc.window(&(at..at + 2), 3, 10);
        assert!(w.contains("mr khan"));
    }

    #[test]
    fn sentence_index_in_gaps_points_back() {
        let doc = Document::new("One.   Two.");
        assert_eq!(doc.sentence_index(5), 0);
        assert_eq!(doc.sentence_index(8), 1);
    }
}
