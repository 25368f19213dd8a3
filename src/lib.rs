//! SafePost's checker core: finds what in a healthcare professional's social media post could
//! breach patient confidentiality or professional standards, and says why.
//!
//! ```
//! use safepost::{Checker, Config, Category};
//! let checker = Checker::new(Config::default()).unwrap();
//! let report = checker.check("NHS no 943 476 5919, anyone recognise this rash?");
//! assert!(report.findings.iter().any(|f| f.category == Category::PatientIdentifier));
//! ```
//!
//! Offsets: every [`Finding`] carries byte offsets (`byte_start`, `byte_end`) for Rust callers
//! and UTF-16 code unit offsets (`start`, `end`) for JavaScript; only the latter are serialised.

mod checker;
mod config;
pub mod eval;
mod model;
mod report;
pub mod rulebook;
pub mod rules;
pub mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use checker::{phrase_hash, CheckOptions, Checker, TrainingRow};
pub use config::{Config, ConfigError, Profession};
pub use report::{Category, Finding, GuidanceRef, Report, Severity};
