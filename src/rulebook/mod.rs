//! The rulebook as data: which guidance each finding cites, and the word lists rules use.
//! Rules read these lists; changing what is flagged is mostly editing data here.

/// A word list stored as one string, a phrase per line. A `&[&str]` spends 8 bytes of
/// pointer and length on each of the rulebook's ~7,500 phrases in the WebAssembly module;
/// this spends one byte. Written with [`words!`](crate::words) like a slice literal.
#[derive(Clone, Copy, Debug)]
pub struct Words(pub &'static str);

impl Words {
    /// The phrases, in order.
    pub fn iter(self) -> std::str::SplitTerminator<'static, char> {
        self.0.split_terminator('\n')
    }

    /// `phrase` is one of the list's phrases (exactly).
    pub fn contains(self, phrase: &str) -> bool {
        self.iter().any(|p| p == phrase)
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = std::str::SplitTerminator<'static, char>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A [`Words`] list: `words!["frequent flyer", "bed blocker"]`.
#[macro_export]
macro_rules! words {
    ($($phrase:literal),* $(,)?) => {
        $crate::rulebook::Words(concat!($($phrase, "\n"),*))
    };
}

pub mod advice;
pub mod allegations;
pub mod boundaries;
pub mod celebrity;
pub mod context_words;
pub mod copyright;
pub mod derogatory;
pub mod discrimination;
pub mod encounter;
pub mod guidance;
pub mod images;
pub mod impairment;
pub mod misinformation;
pub mod profanity;
pub mod promotion;
pub mod tone;
pub mod workplace;
