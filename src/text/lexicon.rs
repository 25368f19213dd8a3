//! Phrase lists, found case-insensitively as whole words.
//!
//! Rules hold about 130 phrase lists and ask each of them many questions per check ("is there
//! a patient word in this sentence, in this window"). Scanning the text once per list and per
//! question cost most of a check, so the lists share one index:
//!
//! - every list made with [`Lexicon::new`] registers its phrases in one process-wide
//!   registry, compiled into one automaton (plus a small one for lists registered since,
//!   see [`RECENT_LISTS`]);
//! - [`Document::new`] runs those automata once over the lower-cased text and keeps, for
//!   each list, its whole-word matches in order ([`DocumentIndex`]);
//! - a question about any slice of that lower-cased text is then a binary search in the
//!   list's matches. A question about other text (or from a list registered after the
//!   document was indexed) uses the list's own automaton, as before.
//!
//! Word boundaries are judged in the whole document: a window that starts or ends inside a
//! word does not make a whole word of its piece.
use super::{boundary_after, boundary_before, Document};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::{Arc, Mutex, OnceLock};

/// A list of phrases found case-insensitively, whole words only, longest match first.
pub struct Lexicon {
    phrases: Vec<String>,
    /// Position in the shared registry; `None` for per-user lists ([`Lexicon::local`]).
    id: Option<usize>,
    /// The list's own automaton, for text outside the current documents; built on first use.
    own: OnceLock<AhoCorasick>,
    /// All of the list's phrases, overlapping: indexes a live document once when the list
    /// was registered after that document's index was made (see [`DocumentIndex::late`]).
    own_overlapping: OnceLock<AhoCorasick>,
}

impl Lexicon {
    /// A phrase list that shares the document index. For the rulebook's fixed lists, which
    /// live for the whole process.
    pub fn new<I, P>(phrases: I) -> Lexicon
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let mut lexicon = Lexicon::local(phrases);
        lexicon.id = Some(registry().register(&lexicon.phrases));
        lexicon
    }

    /// A phrase list of its own, outside the shared index: for lists that change with the
    /// user's settings (workplace terms), which would otherwise pile up in the registry.
    pub fn local<I, P>(phrases: I) -> Lexicon
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        Lexicon {
            phrases: phrases
                .into_iter()
                .map(|p| p.as_ref().to_ascii_lowercase())
                .collect(),
            id: None,
            own: OnceLock::new(),
            own_overlapping: OnceLock::new(),
        }
    }

    /// No phrase to find (an empty list, or only empty phrases).
    pub fn is_empty(&self) -> bool {
        self.phrases.iter().all(String::is_empty)
    }

    /// Whole-word matches in the document: (byte span, index of the phrase in the list).
    pub fn find_iter<'a>(
        &'a self,
        doc: &'a Document<'_>,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        self.find_in(&doc.lower, 0)
    }

    /// Whole-word matches in `haystack`, leftmost first and longest at one start, not
    /// overlapping, with spans shifted by `offset` (spans are relative to `haystack`).
    pub fn find_in<'a>(&'a self, haystack: &'a str, offset: usize) -> Matches<'a> {
        match self.id.and_then(|id| indexed_matches(self, id, haystack)) {
            Some(indexed) => Matches::Indexed { indexed, offset },
            None => Matches::Own {
                lexicon: self,
                haystack,
                offset,
                at: 0,
            },
        }
    }

    /// True when any phrase occurs as whole words in `haystack`.
    pub fn contains_in(&self, haystack: &str) -> bool {
        self.find_in(haystack, 0).next().is_some()
    }

    fn own_overlapping(&self) -> &AhoCorasick {
        self.own_overlapping.get_or_init(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&self.phrases)
                .expect("phrase list builds")
        })
    }

    /// The list's whole-word matches in a document's lower-cased text, by start, longest
    /// first at one start: what the shared index holds for a registered list.
    fn index_in(&self, lower: &str) -> Rc<[IndexedMatch]> {
        let mut found: Vec<IndexedMatch> = self
            .own_overlapping()
            .find_overlapping_iter(lower)
            .filter(|m| {
                m.start() < m.end()
                    && boundary_before(lower, m.start())
                    && boundary_after(lower, m.end())
            })
            .map(|m| IndexedMatch {
                start: m.start() as u32,
                end: m.end() as u32,
                phrase: m.pattern().as_u32(),
            })
            .collect();
        found.sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        found.into()
    }

    fn own(&self) -> &AhoCorasick {
        self.own.get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&self.phrases)
                .expect("phrase list builds")
        })
    }
}

/// The matches of [`Lexicon::find_in`].
pub enum Matches<'a> {
    /// From the document index.
    Indexed { indexed: Candidates, offset: usize },
    /// From the list's own automaton. Leftmost-longest search would skip a whole word that
    /// starts inside a longer rejected match ("bed" after "embed" in "embedx bed"), so after
    /// a rejected match the search restarts one byte later.
    Own {
        lexicon: &'a Lexicon,
        haystack: &'a str,
        offset: usize,
        at: usize,
    },
}

impl Iterator for Matches<'_> {
    type Item = (Range<usize>, usize);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Matches::Indexed { indexed, offset } => indexed.next_match(*offset),
            Matches::Own {
                lexicon,
                haystack,
                offset,
                at,
            } => {
                while *at <= haystack.len() {
                    let input = aho_corasick::Input::new(*haystack).range(*at..);
                    let m = lexicon.own().find(input)?;
                    if m.start() < m.end()
                        && boundary_before(haystack, m.start())
                        && boundary_after(haystack, m.end())
                    {
                        *at = m.end();
                        return Some((
                            m.start() + *offset..m.end() + *offset,
                            m.pattern().as_usize(),
                        ));
                    }
                    *at = m.start() + 1;
                }
                None
            }
        }
    }
}

/// One whole-word match of one list's phrase in a document.
#[derive(Clone, Copy)]
struct IndexedMatch {
    start: u32,
    end: u32,
    /// Index of the phrase in its list.
    phrase: u32,
}

/// The phrases of a run of registered lists (ids `first..end`), as one automaton. Each
/// distinct phrase is one pattern; a pattern stands for every (list, index) that holds it.
struct Combined {
    automaton: AhoCorasick,
    /// For pattern `p`: `owners[owner_start[p]..owner_start[p + 1]]`, as (list id, index).
    owner_start: Vec<u32>,
    owners: Vec<(u32, u32)>,
    /// One past the last list id covered.
    end: usize,
}

/// How many lists may wait in the small automaton before everything is compiled into one
/// again. Rules register their lists on the first check that reaches them, so over a session
/// lists trickle in: each newcomer recompiles only the small automaton (a few lists), and the
/// large one is rebuilt rarely.
const RECENT_LISTS: usize = 24;

#[derive(Default)]
struct Registry {
    /// Distinct phrases in registration order, and who holds each.
    patterns: Vec<String>,
    holders: Vec<Vec<(u32, u32)>>,
    position: HashMap<String, usize>,
    lists: usize,
    /// Every list up to `main.end`, and the lists registered since (`main.end..recent.end`).
    main: Option<Arc<Combined>>,
    recent: Option<Arc<Combined>>,
}

struct SharedRegistry(Mutex<Registry>);

fn registry() -> &'static SharedRegistry {
    static REGISTRY: OnceLock<SharedRegistry> = OnceLock::new();
    REGISTRY.get_or_init(|| SharedRegistry(Mutex::new(Registry::default())))
}

impl SharedRegistry {
    fn lock(&self) -> std::sync::MutexGuard<'_, Registry> {
        // A panic elsewhere while holding the lock leaves the registry whole (every update
        // below is complete before it can panic), so a poisoned lock is still usable.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn register(&self, phrases: &[String]) -> usize {
        let mut r = self.lock();
        let id = r.lists;
        r.lists += 1;
        for (index, phrase) in phrases.iter().enumerate() {
            if phrase.is_empty() {
                continue;
            }
            let p = match r.position.get(phrase) {
                Some(&p) => p,
                None => {
                    let p = r.patterns.len();
                    r.patterns.push(phrase.clone());
                    r.holders.push(Vec::new());
                    r.position.insert(phrase.clone(), p);
                    p
                }
            };
            // A phrase listed twice in one list answers to its first index.
            if !r.holders[p].iter().any(|&(list, _)| list as usize == id) {
                r.holders[p].push((id as u32, index as u32));
            }
        }
        id
    }

    /// Automata covering every list registered so far (one or two), compiled again for the
    /// lists added since the last call.
    /// `fold`: compile every list into one automaton now, however few are new.
    fn current(&self, fold: bool) -> Vec<Arc<Combined>> {
        let mut r = self.lock();
        let main_end = r.main.as_ref().map_or(0, |m| m.end);
        if r.lists > main_end {
            if fold || r.main.is_none() || r.lists - main_end > RECENT_LISTS {
                r.main = Some(Arc::new(r.compile(0..r.lists)));
                r.recent = None;
            } else if r.recent.as_ref().is_none_or(|c| c.end != r.lists) {
                r.recent = Some(Arc::new(r.compile(main_end..r.lists)));
            }
        }
        r.main.iter().chain(r.recent.iter()).cloned().collect()
    }
}

impl Registry {
    /// One automaton for the phrases of the lists `lists`.
    fn compile(&self, lists: Range<usize>) -> Combined {
        let mut patterns: Vec<&str> = Vec::new();
        let mut owner_start = Vec::new();
        let mut owners = Vec::new();
        for (phrase, holders) in self.patterns.iter().zip(&self.holders) {
            let mut held = holders
                .iter()
                .filter(|(list, _)| lists.contains(&(*list as usize)))
                .peekable();
            if held.peek().is_none() {
                continue;
            }
            patterns.push(phrase);
            owner_start.push(owners.len() as u32);
            owners.extend(held);
        }
        owner_start.push(owners.len() as u32);
        // Documents are lower-cased ASCII already, so the automaton can be case-sensitive.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("registered phrases build");
        Combined {
            automaton,
            owner_start,
            owners,
            end: lists.end,
        }
    }
}

/// The shared lists' whole-word matches in one document's lower-cased text, made once by
/// [`Document::new`] and consulted by every [`Lexicon`] question about that text.
pub struct DocumentIndex {
    /// Address and length of the document's lower-cased text.
    base: usize,
    len: usize,
    lists: usize,
    /// Matches of list `l`: `matches[list_start[l]..list_start[l + 1]]`, by start, longest
    /// first at one start.
    list_start: Vec<u32>,
    matches: Vec<IndexedMatch>,
    /// The text itself, for lists registered after this index was made: each is indexed on
    /// its first question, once, so no question ever rescans the text (a rule asking about
    /// the sentence of every candidate would otherwise cost the square of its length).
    lower: Box<str>,
    late: RefCell<HashMap<usize, Rc<[IndexedMatch]>>>,
}

thread_local! {
    /// Indexes of the documents alive on this thread (usually one: the text being checked).
    static LIVE: RefCell<Vec<Rc<DocumentIndex>>> = const { RefCell::new(Vec::new()) };
}

/// Compiles every phrase list registered so far into the shared index now, instead of on
/// the next check (see [`crate::Checker::warm_up_step`]).
pub fn compile_phrase_index() {
    registry().current(true);
}

/// Registers the index of `lower` for this thread until the returned guard is dropped.
pub(super) fn index_document(lower: &str) -> Option<IndexGuard> {
    if lower.is_empty() {
        return None;
    }
    let automata = registry().current(false);
    let covered = automata.last().map_or(0, |c| c.end);
    let mut counts = vec![0u32; covered + 1];
    let mut found: Vec<(u32, IndexedMatch)> = Vec::new();
    for combined in &automata {
        for m in combined.automaton.find_overlapping_iter(lower) {
            let (start, end) = (m.start(), m.end());
            let whole = boundary_before(lower, start) && boundary_after(lower, end);
            if !whole {
                continue;
            }
            let p = m.pattern().as_usize();
            let owners = &combined.owners
                [combined.owner_start[p] as usize..combined.owner_start[p + 1] as usize];
            for &(list, phrase) in owners {
                counts[list as usize] += 1;
                let m = IndexedMatch {
                    start: start as u32,
                    end: end as u32,
                    phrase,
                };
                found.push((list, m));
            }
        }
    }
    // Bucket by list (counting sort), then order each list's matches by start, longest first.
    let mut list_start = Vec::with_capacity(counts.len() + 1);
    let mut total = 0u32;
    for c in &counts {
        list_start.push(total);
        total += c;
    }
    list_start.push(total);
    let mut fill = list_start.clone();
    let empty = IndexedMatch {
        start: 0,
        end: 0,
        phrase: 0,
    };
    let mut matches = vec![empty; total as usize];
    for (list, m) in found {
        let slot = &mut fill[list as usize];
        matches[*slot as usize] = m;
        *slot += 1;
    }
    for l in 0..covered {
        let range = list_start[l] as usize..list_start[l + 1] as usize;
        matches[range].sort_unstable_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    }
    let index = Rc::new(DocumentIndex {
        base: lower.as_ptr() as usize,
        len: lower.len(),
        lists: covered,
        list_start,
        matches,
        lower: lower.into(),
        late: RefCell::new(HashMap::new()),
    });
    LIVE.with(|live| live.borrow_mut().push(index.clone()));
    Some(IndexGuard(index))
}

/// Keeps a document's index live on this thread; dropping it (with the document) removes it.
pub struct IndexGuard(Rc<DocumentIndex>);

impl Drop for IndexGuard {
    fn drop(&mut self) {
        // try_with: during thread teardown the list may already be gone.
        let _ = LIVE.try_with(|live| live.borrow_mut().retain(|i| !Rc::ptr_eq(i, &self.0)));
    }
}

/// One list's indexed matches that start inside a haystack, and the haystack's bounds in
/// the document's text.
pub struct Candidates {
    source: Source,
    /// Next position in the source's matches, and the end of the candidates there.
    pos: usize,
    end: usize,
    from: usize,
    to: usize,
    /// Matches may not start before this (the end of the last one returned).
    next_free: usize,
}

impl Candidates {
    fn next_match(&mut self, offset: usize) -> Option<(Range<usize>, usize)> {
        while self.pos < self.end {
            let m = match &self.source {
                Source::Shared(index) => index.matches[self.pos],
                Source::Late(matches) => matches[self.pos],
            };
            self.pos += 1;
            let (start, end) = (m.start as usize, m.end as usize);
            if start < self.next_free || end > self.to {
                continue;
            }
            self.next_free = end;
            let shift = |b: usize| b - self.from + offset;
            return Some((shift(start)..shift(end), m.phrase as usize));
        }
        None
    }
}

/// Where a list's matches in a document are kept.
enum Source {
    /// In the shared index, made with the document.
    Shared(Rc<DocumentIndex>),
    /// Made on the list's first question about the document (see [`DocumentIndex::late`]).
    Late(Rc<[IndexedMatch]>),
}

/// When `haystack` is a slice of a live document's lower-cased text: the list's matches
/// starting inside the slice, from the document's index (made for the list now if it was
/// registered after the index).
fn indexed_matches(lexicon: &Lexicon, id: usize, haystack: &str) -> Option<Candidates> {
    let at = haystack.as_ptr() as usize;
    LIVE.with(|live| {
        let live = live.borrow();
        let index = live
            .iter()
            .rev()
            .find(|i| at >= i.base && at + haystack.len() <= i.base + i.len)?;
        let from = at - index.base;
        let to = from + haystack.len();
        let (source, lo, all): (Source, usize, &[IndexedMatch]);
        let late;
        if id < index.lists {
            lo = index.list_start[id] as usize;
            all = &index.matches[lo..index.list_start[id + 1] as usize];
            source = Source::Shared(index.clone());
        } else {
            late = index
                .late
                .borrow_mut()
                .entry(id)
                .or_insert_with(|| lexicon.index_in(&index.lower))
                .clone();
            lo = 0;
            all = &late;
            source = Source::Late(late.clone());
        }
        let first = all.partition_point(|m| (m.start as usize) < from);
        let last = first + all[first..].partition_point(|m| (m.start as usize) < to);
        Some(Candidates {
            source,
            pos: lo + first,
            end: lo + last,
            from,
            to,
            next_free: from,
        })
    })
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

    #[test]
    fn a_longer_phrase_that_is_not_a_whole_word_leaves_the_shorter_one() {
        assert_eq!(found(&["care", "care home"], "care homes"), vec!["care"]);
    }

    /// The index and the list's own automaton answer the same for slices and whole text.
    #[test]
    fn indexed_and_own_search_agree() {
        let lex = Lexicon::new(["bay", "bay 4", "nurse", "night shift", "a&e"]);
        let text = "Night shift in A&E: the nurse in bay 4, baying; bays. Nurse!";
        let doc = Document::new(text);
        let own = |h: &str, off: usize| {
            let m = Matches::Own {
                lexicon: &lex,
                haystack: h,
                offset: off,
                at: 0,
            };
            m.collect::<Vec<_>>()
        };
        let indexed = |h: &str, off: usize| lex.find_in(h, off).collect::<Vec<_>>();
        assert_eq!(own(&doc.lower, 0), indexed(&doc.lower, 0));
        assert_eq!(indexed(&doc.lower, 0).len(), 5);
        for (a, b) in [(0, 11), (20, 38), (24, 60), (40, 60)] {
            let slice = &doc.lower[a..b];
            assert_eq!(own(slice, 7), indexed(slice, 7), "{slice:?}");
        }
        // A copy of the text is not the document: the list's own automaton answers.
        let copy = doc.lower.clone();
        assert_eq!(indexed(&copy, 0), own(&doc.lower, 0));
    }

    #[test]
    fn a_window_cutting_a_word_does_not_make_a_word() {
        let lex = Lexicon::new(["ward"]);
        let doc = Document::new("the wardrobe");
        assert!(!lex.contains_in(&doc.lower[4..8]));
        assert!(lex.contains_in("ward"));
    }

    #[test]
    fn local_lists_are_not_registered() {
        let lex = Lexicon::local(["St Elsewhere"]);
        assert!(lex.id.is_none());
        let doc = Document::new("Admitted to St Elsewhere today");
        assert_eq!(lex.find_iter(&doc).count(), 1);
        assert!(Lexicon::local(Vec::<String>::new()).is_empty());
    }
}
