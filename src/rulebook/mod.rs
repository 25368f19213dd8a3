//! The rulebook as data: which guidance each finding cites, and the word lists rules use.
//! Rules read these lists; changing what is flagged is mostly editing data here.
pub mod context_words;
pub mod derogatory;
pub mod discrimination;
pub mod guidance;
pub mod impairment;
pub mod profanity;
pub mod tone;
// Conduct and content word lists (rules-c).
pub mod advice;
pub mod allegations;
pub mod boundaries;
pub mod copyright;
pub mod misinformation;
pub mod promotion;
pub mod workplace;
