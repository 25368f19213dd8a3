use super::{boundary_after, boundary_before, Document};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;

/// A list of phrases found case-insensitively, whole words only, longest match first. One
/// automaton pass over the text whatever the list's length, which keeps rules with long
/// word lists within the speed budget.
pub struct Lexicon {
    automaton: AhoCorasick,
    len: usize,
}

impl Lexicon {
    pub fn new<I, P>(phrases: I) -> Lexicon
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let phrases: Vec<String> = phrases
            .into_iter()
            .map(|p| p.as_ref().to_ascii_lowercase())
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .expect("phrase list builds");
        Lexicon {
            automaton,
            len: phrases.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whole-word matches in the document: (byte span, index of the phrase in the list).
    pub fn find_iter<'a>(
        &'a self,
        doc: &'a Document<'_>,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        self.find_in(&doc.lower, 0)
    }

    /// Whole-word matches in `haystack`, with spans shifted by `offset`.
    ///
    /// Leftmost-longest search would skip a whole word that starts inside a longer rejected
    /// match ("bed" after "embed" in "embedx bed"), so after a rejected match the search
    /// restarts one byte later.
    pub fn find_in<'a>(
        &'a self,
        haystack: &'a str,
        offset: usize,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at <= haystack.len() {
                let m = self
                    .automaton
                    .find(aho_corasick::Input::new(haystack).range(at..))?;
                if boundary_before(haystack, m.start()) && boundary_after(haystack, m.end()) {
                    at = m.end().max(m.start() + 1);
                    return Some((m.start() + offset..m.end() + offset, m.pattern().as_usize()));
                }
                at = m.start() + 1;
            }
            None
        })
    }

    /// True when any phrase occurs as whole words in `haystack`.
    pub fn contains_in(&self, haystack: &str) -> bool {
        self.find_in(haystack, 0).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(list: &[&str], text: &str) -> Vec<String> {
        let lex = Lexicon::new(list);
        let doc = Document::new(text);
        lex.find_iter(&doc)
            .map(|(r, _)| text[r].to_string())
            .collect()
    }

    #[test]
    fn whole_words_only_case_insensitive() {
        assert_eq!(
            found(&["anal"], "Analgesia ladder, anal fissure"),
            vec!["anal"]
        );
        assert_eq!(
            found(&["bed blocker"], "A BED BLOCKER again"),
            vec!["BED BLOCKER"]
        );
    }

    #[test]
    fn a_rejected_inner_match_does_not_hide_a_later_one() {
        assert_eq!(found(&["bed", "embed"], "embedx bed"), vec!["bed"]);
    }

    #[test]
    fn longest_phrase_wins() {
        assert_eq!(
            found(&["frequent", "frequent flyer"], "frequent flyer"),
            vec!["frequent flyer"]
        );
    }
}
