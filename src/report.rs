//! The data a check produces: findings with their category, severity and guidance.
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// The 18 categories of RULEBOOK.md. Their serialised ids are stable: the CLI's JSON, the
/// WebAssembly API and the extension's settings all use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    PatientIdentifier,
    ClinicalEncounter,
    PatientImage,
    DerogatoryPatient,
    Discrimination,
    OffensiveLanguage,
    Boundaries,
    IndividualAdvice,
    WorkplaceDispute,
    Defamation,
    LegalProceedings,
    HealthClaims,
    UndisclosedInterest,
    Misinformation,
    Impairment,
    PersonalSecurity,
    Copyright,
    HeatedTone,
}

impl Category {
    pub const ALL: [Category; 18] = [
        Category::PatientIdentifier,
        Category::ClinicalEncounter,
        Category::PatientImage,
        Category::DerogatoryPatient,
        Category::Discrimination,
        Category::OffensiveLanguage,
        Category::Boundaries,
        Category::IndividualAdvice,
        Category::WorkplaceDispute,
        Category::Defamation,
        Category::LegalProceedings,
        Category::HealthClaims,
        Category::UndisclosedInterest,
        Category::Misinformation,
        Category::Impairment,
        Category::PersonalSecurity,
        Category::Copyright,
        Category::HeatedTone,
    ];

    /// The stable id, e.g. `patient-identifier`.
    pub fn id(self) -> &'static str {
        match self {
            Category::PatientIdentifier => "patient-identifier",
            Category::ClinicalEncounter => "clinical-encounter",
            Category::PatientImage => "patient-image",
            Category::DerogatoryPatient => "derogatory-patient",
            Category::Discrimination => "discrimination",
            Category::OffensiveLanguage => "offensive-language",
            Category::Boundaries => "boundaries",
            Category::IndividualAdvice => "individual-advice",
            Category::WorkplaceDispute => "workplace-dispute",
            Category::Defamation => "defamation",
            Category::LegalProceedings => "legal-proceedings",
            Category::HealthClaims => "health-claims",
            Category::UndisclosedInterest => "undisclosed-interest",
            Category::Misinformation => "misinformation",
            Category::Impairment => "impairment",
            Category::PersonalSecurity => "personal-security",
            Category::Copyright => "copyright",
            Category::HeatedTone => "heated-tone",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }

    /// RULEBOOK.md's default severity; a rule may raise or lower it with evidence.
    pub fn default_severity(self) -> Severity {
        match self {
            Category::PatientIdentifier
            | Category::PatientImage
            | Category::Discrimination
            | Category::Misinformation => Severity::Critical,
            Category::ClinicalEncounter
            | Category::DerogatoryPatient
            | Category::Boundaries
            | Category::Defamation
            | Category::LegalProceedings
            | Category::HealthClaims
            | Category::UndisclosedInterest
            | Category::Impairment => Severity::High,
            Category::OffensiveLanguage
            | Category::IndividualAdvice
            | Category::WorkplaceDispute => Severity::Medium,
            Category::PersonalSecurity | Category::Copyright | Category::HeatedTone => {
                Severity::Low
            }
        }
    }

    /// What a category means, in a few words, for the model's findings.
    pub fn reads_as(self) -> &'static str {
        match self {
            Category::PatientIdentifier => "This can identify a patient",
            Category::ClinicalEncounter => "This describes a patient's case in identifying detail",
            Category::PatientImage => "This reads as an image of a patient or their records",
            Category::DerogatoryPatient => "This reads as mocking or labelling patients",
            Category::Discrimination => "This reads as demeaning people for who they are",
            Category::OffensiveLanguage => "This reads as offensive or abusive",
            Category::Boundaries => "This reads as personal contact with a patient",
            Category::IndividualAdvice => "This reads as treating a specific person online",
            Category::WorkplaceDispute => {
                "This reads as attacking colleagues or your employer in public"
            }
            Category::Defamation => "This states wrongdoing by someone as fact",
            Category::LegalProceedings => "This comments on a live case",
            Category::HealthClaims => "This reads as a health claim in an advert",
            Category::UndisclosedInterest => "This reads as promotion without a clear disclosure",
            Category::Misinformation => "This reads as a false health claim",
            Category::Impairment => "This reads as being impaired at or before work",
            Category::PersonalSecurity => "This shares where you or your workplace can be found",
            Category::Copyright => {
                "This reads as sharing material you may not have the right to share"
            }
            Category::HeatedTone => "This reads as posting in anger",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Ordered from least to most severe, so `a >= b` reads as "at least as severe".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn from_id(id: &str) -> Option<Severity> {
        [
            Severity::Low,
            Severity::Medium,
            Severity::High,
            Severity::Critical,
        ]
        .into_iter()
        .find(|s| s.id() == id)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A pointer to the professional guidance that applies, e.g. GMC, "Using social media as a
/// medical professional (2024)", "para 20". Text from the rulebook is borrowed, not copied:
/// a check of a long post makes hundreds of findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidanceRef {
    pub source: Cow<'static, str>,
    pub title: Cow<'static, str>,
    pub section: Cow<'static, str>,
}

/// One risky phrase in the checked text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The id of the rule that found it, e.g. `nhs-number`.
    pub rule: Cow<'static, str>,
    pub category: Category,
    pub severity: Severity,
    /// UTF-16 code unit offsets (JavaScript string indices) into the checked text.
    pub start: usize,
    pub end: usize,
    /// Byte offsets into the checked text, for Rust callers.
    #[serde(skip)]
    pub byte_start: usize,
    #[serde(skip)]
    pub byte_end: usize,
    /// The flagged text itself.
    pub text: String,
    /// Why it matters, in one plain sentence.
    pub message: Cow<'static, str>,
    pub guidance: Vec<GuidanceRef>,
    /// A safer replacement for the flagged text, where one exists.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub suggestion: Option<String>,
}

/// The result of checking one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Sorted by position, then by severity (most severe first).
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    pub fn has_category(&self, category: Category) -> bool {
        self.findings.iter().any(|f| f.category == category)
    }

    pub fn count_at_least(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity >= severity)
            .count()
    }
}
