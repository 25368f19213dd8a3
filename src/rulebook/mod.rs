//! The rulebook as data: which guidance each finding cites, and the word lists rules use.
//! Rules read these lists; changing what is flagged is mostly editing data here.
pub mod celebrity;
pub mod context_words;
pub mod encounter;
pub mod guidance;
pub mod images;
