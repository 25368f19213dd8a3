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

/// A setting the core cannot use. Messages name the setting and its position, never its value:
/// a workplace term may be a colleague's or a patient's name, and these messages reach
/// consoles, pages and logs (issue 13).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    TooManyWorkplaceTerms(usize),
    /// 1-based position of the term in the list.
    BadWorkplaceTerm(usize),
    /// 1-based position of the hash in the list.
    BadIgnoredHash(usize),
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
            ConfigError::BadWorkplaceTerm(i) => write!(
                f,
                "workplace term {i} must have {MIN_TERM_CHARS} to {MAX_TERM_CHARS} characters and a letter"
            ),
            ConfigError::BadIgnoredHash(i) => {
                write!(f, "ignored phrase hash {i} is not 16 hexadecimal digits")
            }
            ConfigError::Json(e) => write!(f, "invalid configuration: {e}"),
        }
    }
}

impl std::error::Error for ConfigError {}

pub const MIN_TERM_CHARS: usize = 2;

/// The one rule for a workplace term, used by the core ([`Config::problems`]) and, through the
/// wasm export `configProblems`, by the options page and settings import: after trimming,
/// 2 to 100 characters, at least one of them a letter (a lone "B" or "7" would match
/// everywhere).
pub fn workplace_term_ok(term: &str) -> bool {
    let t = term.trim();
    (MIN_TERM_CHARS..=MAX_TERM_CHARS).contains(&t.chars().count())
        && t.chars().any(char::is_alphabetic)
}

impl Config {
    /// Parses the extension's JSON settings object. The error quotes no free-text value (a
    /// workplace term may be a name): only an unknown id from a fixed list (a profession,
    /// category or severity) is named, as serde reports it.
    pub fn from_json(json: &str) -> Result<Config, ConfigError> {
        serde_json::from_str(json).map_err(|e| {
            let message = e.to_string();
            if message.starts_with("unknown variant") {
                return ConfigError::Json(message);
            }
            ConfigError::Json(format!(
                "{} at line {} column {}",
                match e.classify() {
                    serde_json::error::Category::Io => "unreadable",
                    serde_json::error::Category::Syntax => "not valid JSON",
                    serde_json::error::Category::Data => "a setting of the wrong kind",
                    serde_json::error::Category::Eof => "unexpected end",
                },
                e.line(),
                e.column()
            ))
        })
    }

    /// Every problem with this config, in order (empty: the core accepts it). The single
    /// validator: [`crate::Checker::new`] refuses a config with any problem, and the extension
    /// asks the same function (wasm `configProblems`) before it saves or imports settings.
    pub fn problems(&self) -> Vec<ConfigError> {
        let mut out = Vec::new();
        if self.workplace_terms.len() > MAX_WORKPLACE_TERMS {
            out.push(ConfigError::TooManyWorkplaceTerms(
                self.workplace_terms.len(),
            ));
        }
        for (i, term) in self.workplace_terms.iter().enumerate() {
            if !workplace_term_ok(term) {
                out.push(ConfigError::BadWorkplaceTerm(i + 1));
            }
        }
        for (i, hash) in self.ignored_hashes.iter().enumerate() {
            if hash.len() != 16 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                out.push(ConfigError::BadIgnoredHash(i + 1));
            }
        }
        out
    }

    pub(crate) fn validate(&self) -> Result<(), ConfigError> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }

    pub fn category_enabled(&self, category: Category) -> bool {
        self.enabled_categories
            .as_ref()
            .is_none_or(|list| list.contains(&category))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_terms(terms: &[&str]) -> Config {
        Config {
            workplace_terms: terms.iter().map(|t| t.to_string()).collect(),
            ..Config::default()
        }
    }

    #[test]
    fn workplace_terms_need_two_characters_and_a_letter() {
        for ok in ["St Elsewhere", "7B", "A&E", "  Ward 7  ", "Ré"] {
            assert!(workplace_term_ok(ok), "{ok}");
        }
        for bad in ["B", "7", "12", " ", "", "--", &"x".repeat(101)] {
            assert!(!workplace_term_ok(bad), "{bad}");
        }
    }

    #[test]
    fn problems_name_positions_never_values() {
        let config = with_terms(&["Ward 7", "B", "Dr Quorblexian", "7"]);
        let messages: Vec<String> = config.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(messages.len(), 2);
        assert!(messages[0].contains("workplace term 2"));
        assert!(messages[1].contains("workplace term 4"));
        assert!(messages.iter().all(|m| !m.contains('"')));
        assert_eq!(config.validate(), Err(ConfigError::BadWorkplaceTerm(2)));
        assert!(with_terms(&["Ward 7"]).validate().is_ok());
    }

    #[test]
    fn json_errors_do_not_quote_values() {
        let err = Config::from_json(r#"{"workplaceTerms": "Dr Quorblexian"}"#).unwrap_err();
        assert!(!err.to_string().contains("Quorblexian"), "{err}");
        let err = Config::from_json(r#"{"workplaceTerms": ["Ward 7", 7, "Dr Quorblexian"]}"#)
            .unwrap_err();
        assert!(!err.to_string().contains("Quorblexian"), "{err}");
    }
}
