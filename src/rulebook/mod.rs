//! The rulebook as data: which guidance each finding cites, and the word lists rules use.
//! Rules read these lists; changing what is flagged is mostly editing data here.
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
