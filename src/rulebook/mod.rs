//! The rulebook as data: which guidance each finding cites, and the word lists rules use.
//! Rules read these lists; changing what is flagged is mostly editing data here.
pub mod context_words;
pub mod derogatory;
pub mod discrimination;
pub mod guidance;
pub mod impairment;
pub mod profanity;
pub mod tone;
