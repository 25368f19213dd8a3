//! Email addresses. A role address of a service (bookings@, info@) is public; a personal
//! address beside a patient is an identifier.
use super::{context, Context, Hit, Rule, RuleInfo};
use crate::report::Category;
use crate::text::{regex, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct EmailAddress;

static INFO: RuleInfo = rule_info! {
    id: "email-address",
    category: Category::PatientIdentifier,
    flags: &[
        "Patient keeps emailing me from jo.bloggs1987@gmail.com, help",
        "Her daughter (sarah.k@hotmail.co.uk) complained again",
        "pt's email is dave_smith@yahoo.com lol",
        "Mum of the baby in bay 3: kelly.m@outlook.com",
        "Drop me a line at nurse.jenny.p@gmail.com",
        "Got a message from mark.t@icloud.com about his scan results",
    ],
    passes: &[
        "Book via bookings@elmroadsurgery.nhs.uk",
        "Questions? info@example.org",
        "Contact us: enquiries@trust.nhs.uk",
        "Email the clinic team at diabetes.clinic@nhs.net for appointments",
        "The @ sign in tweets is a mention, not an email",
        "Follow @NHSEngland for updates",
    ],
};

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b"));

/// Local parts that belong to a role or a team, not a person.
const ROLE_MAILBOXES: crate::rulebook::Words = crate::words![
    "info",
    "admin",
    "bookings",
    "booking",
    "enquiries",
    "enquiry",
    "contact",
    "hello",
    "appointments",
    "reception",
    "office",
    "support",
    "team",
    "press",
    "media",
    "noreply",
    "no-reply",
    "feedback",
    "pals",
    "referrals",
    "help",
    "recruitment",
    "careers",
    "jobs",
    "vacancies",
    "hr",
    "workforce",
    "education",
    "training",
    "research",
    "comms",
    "communications",
    "fundraising",
    "volunteering",
    "volunteers",
    "pharmacy",
    "clinic",
    "events",
];

impl Rule for EmailAddress {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Hit>) {
        for m in EMAIL.find_iter(doc.text) {
            let local = m
                .as_str()
                .split('@')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if ROLE_MAILBOXES.contains(local.as_str()) {
                continue;
            }
            let span = m.range();
            let Some(severity) = context::contact_detail_severity(doc, &span) else {
                continue;
            };
            out.push(
                Hit::new(
                    &INFO,
                    span,
                    severity,
                    "An email address identifies the person it belongs to.",
                )
                .suggest("[email removed]"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::assert_examples;

    #[test]
    fn examples() {
        assert_examples(&EmailAddress);
    }
}
