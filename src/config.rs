//! What the user has told SafePost about themselves and their preferences.
use crate::report::{Category, Severity};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Decides which regulator's guidance a finding cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profession {
    Doctor,
    NurseMidwife,
    Hcpc,
    Pharmacist,
    Dental,
    Osteopath,
    UsClinician,
    AuClinician,
    #[default]
    Other,
}

impl Profession {
    pub const ALL: [Profession; 9] = [
        Profession::Doctor,
        Profession::NurseMidwife,
        Profession::Hcpc,
        Profession::Pharmacist,
        Profession::Dental,
        Profession::Osteopath,
        Profession::UsClinician,
        Profession::AuClinician,
        Profession::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Profession::Doctor => "doctor",
            Profession::NurseMidwife => "nurse-midwife",
            Profession::Hcpc => "hcpc",
            Profession::Pharmacist => "pharmacist",
            Profession::Dental => "dental",
            Profession::Osteopath => "osteopath",
            Profession::UsClinician => "us-clinician",
            Profession::AuClinician => "au-clinician",
            Profession::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<Profession> {
        Profession::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// Settings for a [`crate::Checker`]. Deserialises from the extension's camelCase JSON; every
/// field is optional there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Config {
    pub profession: Profession,
    /// `None`: every category.
    pub enabled_categories: Option<Vec<Category>>,
    /// Findings below this severity are dropped.
    pub min_severity: Severity,
    /// Names the user wants treated as identifying (their hospital, wards, colleagues).
    pub workplace_terms: Vec<String>,
    /// Hashes from [`crate::phrase_hash`] of phrases the user chose to always ignore.
    pub ignored_hashes: Vec<String>,
    /// The per-install salt those hashes were made with.
    pub ignore_salt: String,
    /// Rule ids the user turned off.
    pub disabled_rules: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            profession: Profession::Other,
            enabled_categories: None,
            min_severity: Severity::Low,
            workplace_terms: Vec::new(),
            ignored_hashes: Vec::new(),
            ignore_salt: String::new(),
            disabled_rules: Vec::new(),
        }
    }
}

pub const MAX_WORKPLACE_TERMS: usize = 200;
pub const MAX_TERM_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    TooManyWorkplaceTerms(usize),
    BadWorkplaceTerm(String),
    BadIgnoredHash(String),
    Json(String),
}

// Display only (no `{:?}`): the wasm build compiles Debug formatting out (build.sh), and
// these messages reach the extension as JavaScript errors.
impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::TooManyWorkplaceTerms(n) => write!(
                f,
                "too many workplace terms ({n}); at most {MAX_WORKPLACE_TERMS} are allowed"
            ),
            ConfigError::BadWorkplaceTerm(t) => write!(
                f,
                "workplace term \"{t}\" must have 2 to {MAX_TERM_CHARS} characters and a letter"
            ),
            ConfigError::BadIgnoredHash(h) => {
                write!(
                    f,
                    "ignored phrase hash \"{h}\" is not 16 hexadecimal digits"
                )
            }
            ConfigError::Json(e) => write!(f, "invalid configuration: {e}"),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses the extension's JSON settings object.
    pub fn from_json(json: &str) -> Result<Config, ConfigError> {
        serde_json::from_str(json).map_err(|e| ConfigError::Json(e.to_string()))
    }

    pub(crate) fn validate(&self) -> Result<(), ConfigError> {
        if self.workplace_terms.len() > MAX_WORKPLACE_TERMS {
            return Err(ConfigError::TooManyWorkplaceTerms(
                self.workplace_terms.len(),
            ));
        }
        for term in &self.workplace_terms {
            let t = term.trim();
            let chars = t.chars().count();
            if !(2..=MAX_TERM_CHARS).contains(&chars) || !t.chars().any(char::is_alphabetic) {
                return Err(ConfigError::BadWorkplaceTerm(term.clone()));
            }
        }
        for hash in &self.ignored_hashes {
            if hash.len() != 16 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(ConfigError::BadIgnoredHash(hash.clone()));
            }
        }
        Ok(())
    }

    pub fn category_enabled(&self, category: Category) -> bool {
        self.enabled_categories
            .as_ref()
            .is_none_or(|list| list.contains(&category))
    }
}
