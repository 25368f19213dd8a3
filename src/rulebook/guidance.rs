//! Which professional guidance a finding cites, by category and by the user's profession.
//! Sections are the verified anchors of RULEBOOK.md; we paraphrase, never quote.
use crate::config::Profession;
use crate::report::{Category, GuidanceRef};

type Ref = (&'static str, &'static str, &'static str);

const GMC_SM: &str = "Using social media as a medical professional (2024)";
const GMC_GMP: &str = "Good medical practice (2024)";
const NMC_CODE: &str = "The Code";
const HCPC_SCPE: &str = "Standards of conduct, performance and ethics (2024)";
const GDC_SDT: &str = "Standards for the Dental Team";
const GPHC_ONLINE: &str = "Demonstrating professionalism online";
const GOSC_OPS: &str = "Osteopathic Practice Standards (2019)";
const HIPAA: &str = "HIPAA Privacy Rule, Safe Harbor de-identification";
const AMA: &str = "AMA Code of Medical Ethics";
const AHPRA_SM: &str = "Social media: how to meet your obligations under the National Law (2019)";

/// The regulator's reference for a category, for one profession.
fn regulator(profession: Profession, category: Category) -> Ref {
    use Category::*;
    let confidential = matches!(
        category,
        PatientIdentifier | ClinicalEncounter | PatientImage
    );
    let honesty = matches!(
        category,
        HealthClaims | Misinformation | Defamation | IndividualAdvice
    );
    match profession {
        Profession::Doctor => match category {
            PatientIdentifier | PatientImage => ("GMC", GMC_SM, "para 20"),
            ClinicalEncounter => ("GMC", GMC_SM, "para 19"),
            DerogatoryPatient | Discrimination | OffensiveLanguage | WorkplaceDispute => {
                ("GMC", GMC_SM, "para 14")
            }
            UndisclosedInterest => ("GMC", GMC_GMP, "para 90"),
            HealthClaims | Misinformation | Defamation => ("GMC", GMC_GMP, "para 89"),
            PersonalSecurity => ("GMC", GMC_SM, "para 9"),
            _ => ("GMC", GMC_SM, "para 4"),
        },
        Profession::NurseMidwife => match category {
            _ if confidential => ("NMC", NMC_CODE, "5.1"),
            DerogatoryPatient => ("NMC", NMC_CODE, "1.1"),
            Discrimination => ("NMC", NMC_CODE, "20.2"),
            Boundaries => ("NMC", NMC_CODE, "20.6"),
            _ if honesty => ("NMC", NMC_CODE, "6"),
            _ => ("NMC", NMC_CODE, "20.10"),
        },
        Profession::Hcpc | Profession::Other => match category {
            _ if confidential => ("HCPC", HCPC_SCPE, "5.1"),
            Boundaries | PersonalSecurity => ("HCPC", HCPC_SCPE, "2.12"),
            _ if honesty || category == UndisclosedInterest => ("HCPC", HCPC_SCPE, "2.11"),
            _ => ("HCPC", HCPC_SCPE, "2.10"),
        },
        Profession::Dental => match category {
            _ if confidential => ("GDC", GDC_SDT, "4.2.3"),
            _ => ("GDC", GDC_SDT, "9.1"),
        },
        Profession::Pharmacist => ("GPhC", GPHC_ONLINE, ""),
        Profession::Osteopath => ("GOsC", GOSC_OPS, "D7"),
        Profession::UsClinician => match category {
            PatientIdentifier | ClinicalEncounter | PatientImage => {
                ("HHS", HIPAA, "45 CFR 164.514(b)(2)")
            }
            _ => ("AMA", AMA, "Opinion 2.3.2"),
        },
        Profession::AuClinician => match category {
            HealthClaims | UndisclosedInterest => (
                "AHPRA",
                "Health Practitioner Regulation National Law",
                "s133",
            ),
            _ => ("AHPRA", AHPRA_SM, ""),
        },
    }
}

/// Law or advertising codes that apply whatever the profession, by jurisdiction.
fn extra(profession: Profession, category: Category) -> Option<Ref> {
    use Category::*;
    let us = profession == Profession::UsClinician;
    let au = profession == Profession::AuClinician;
    match category {
        HealthClaims if us => Some(("FTC", "Health Products Compliance Guidance", "")),
        HealthClaims if !au => Some((
            "CAP Code",
            "UK Code of Non-broadcast Advertising",
            "12.1, 12.12",
        )),
        UndisclosedInterest if us => Some(("FTC", "Endorsement Guides", "16 CFR 255")),
        UndisclosedInterest if !au => Some((
            "CAP Code",
            "UK Code of Non-broadcast Advertising",
            "2.1, 2.3",
        )),
        Defamation if !us && !au => Some(("Law", "Defamation Act 2013", "s1")),
        LegalProceedings if !us && !au => Some(("Law", "Contempt of Court Act 1981", "")),
        _ => None,
    }
}

/// The guidance a finding of `category` cites for a user of `profession`.
pub fn for_finding(profession: Profession, category: Category) -> Vec<GuidanceRef> {
    std::iter::once(regulator(profession, category))
        .chain(extra(profession, category))
        .map(|(source, title, section)| GuidanceRef {
            source: source.into(),
            title: title.into(),
            section: section.into(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctors_get_gmc_para_20_for_identifiers() {
        let refs = for_finding(Profession::Doctor, Category::PatientIdentifier);
        assert_eq!(refs[0].source, "GMC");
        assert_eq!(refs[0].section, "para 20");
    }

    #[test]
    fn nurses_get_the_code_on_confidentiality() {
        let refs = for_finding(Profession::NurseMidwife, Category::ClinicalEncounter);
        assert_eq!((&*refs[0].source, &*refs[0].section), ("NMC", "5.1"));
    }

    #[test]
    fn every_profession_and_category_has_a_source() {
        for p in Profession::ALL {
            for c in Category::ALL {
                let refs = for_finding(p, c);
                assert!(
                    !refs.is_empty() && !refs[0].source.is_empty(),
                    "{p:?} {c:?}"
                );
            }
        }
    }

    #[test]
    fn us_clinicians_get_hipaa_and_ftc() {
        assert_eq!(
            for_finding(Profession::UsClinician, Category::PatientIdentifier)[0].source,
            "HHS"
        );
        let interest = for_finding(Profession::UsClinician, Category::UndisclosedInterest);
        assert!(interest.iter().any(|r| r.source == "FTC"));
    }
}
