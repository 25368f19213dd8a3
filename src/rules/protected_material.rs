//! Copyright and confidential material: whole paywalled papers or textbooks, leaked internal
//! communications, exam questions, and images taken from others. Linking to a paper,
//! sharing your own open-access work, and exam tips are fine. Low severity: a nudge.
use super::{Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::rulebook::copyright::{
    CAUTION, EXAMS, EXAM_MATERIAL, FULL_TEXT, INTERNAL_MESSAGES, INTERNAL_SENDERS, LEAKED_INTERNAL,
    OPEN, POSTED, PROTECTED_WORKS, SHARED, TAKEN_IMAGES,
};
use crate::text::{Document, Lexicon};
use std::sync::LazyLock;

pub struct ProtectedMaterial;

static INFO: RuleInfo = rule_info! {
    id: "protected-material",
    category: Category::Copyright,
    flags: &[
        "Full PDF of the new BMJ paper attached, enjoy",
        "leaked email from the CEO below",
        "here are this year's MRCP questions",
        "Whole Oxford Handbook as a pdf, dm me for the drive link",
        "Great infographic, found on Google, no idea who made this",
        "PLAB 2 recalls from today's sitting 👇",
    ],
    passes: &[
        "Open-access PDF of our paper (CC BY) here",
        "Link to the BMJ paper (paywalled, sorry)",
        "MRCP revision tips: do questions daily and review the explanations",
        "Passed my PLAB 2 today!!",
        "Pleural fluid leaked around the drain site, so we re-sited it",
        "Our new leaflet on inhalers is attached - please share",
    ],
};

static FULL: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(FULL_TEXT));
static WORKS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PROTECTED_WORKS));
static SHARING: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(SHARED));
static OPEN_LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(OPEN));
static LEAK: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(LEAKED_INTERNAL));
static EXAM: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(EXAM_MATERIAL));
static EXAM_NAME: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(EXAMS));
static IMAGES: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(TAKEN_IMAGES));
static MESSAGES: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(INTERNAL_MESSAGES));
static SENDERS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(INTERNAL_SENDERS));
static POSTED_LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(POSTED));
static CAUTIOUS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(CAUTION));

/// Exam words that only mean leaked material with a sitting ("today's questions").
const GENERIC_EXAM: crate::rulebook::Words = crate::words!["questions", "stations", "the paper"];

/// What a "leaked" thing has to be for it to be internal material, not a body fluid.
const COMMUNICATIONS: crate::rulebook::Words = crate::words![
    "email",
    "e-mail",
    "emails",
    "memo",
    "memos",
    "letter",
    "document",
    "documents",
    "minutes",
    "report",
    "policy",
    "slides",
    "plans",
    "rota",
    "screenshot",
    "chats",
    "message",
    "messages",
    "recording",
    "audio",
    "papers",
    "board",
    "ceo",
    "exec",
    "management",
    "hr",
];

impl Rule for ProtectedMaterial {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Hit>) {
        let open = || OPEN_LEX.contains_in(&doc.lower);
        let shared = |around: &str| SHARING.contains_in(around) || ctx.media_attached;
        for (span, _) in FULL.find_iter(doc) {
            if CAUTIOUS.contains_in(doc.sentence_lower(span.start)) {
                continue;
            }
            let around = doc.window(&span, 80, 80);
            let phrase = &doc.lower[span.clone()];
            let piracy = ["sci", "lib", "z-", "zl", "pir", "byp", "get"]
                .iter()
                .any(|p| phrase.starts_with(p));
            if (piracy || WORKS.contains_in(around) && shared(around)) && !open() {
                out.push(Hit::new(&INFO, span, Severity::Low, "Sharing a whole paywalled paper or book breaches the publisher's copyright; share a link instead."));
                return;
            }
        }
        for (span, _) in LEAK.find_iter(doc) {
            if CAUTIOUS.contains_in(doc.sentence_lower(span.start)) {
                continue;
            }
            let around = doc.window(&span, 60, 80);
            let phrase = &doc.lower[span.clone()];
            if phrase == "leaked" && !COMMUNICATIONS.iter().any(|w| around.contains(w)) {
                continue;
            }
            if shared(around) || phrase != "leaked" {
                out.push(Hit::new(&INFO, span, Severity::Low, "Internal communications belong to your employer; posting them can breach confidentiality and copyright."));
                return;
            }
        }
        for (span, _) in MESSAGES.find_iter(doc) {
            let around = doc.window(&span, 40, 80);
            if SENDERS.contains_in(around)
                && POSTED_LEX.contains_in(around)
                && !CAUTIOUS.contains_in(doc.sentence_lower(span.start))
            {
                out.push(Hit::new(&INFO, span, Severity::Low, "Internal communications belong to your employer; posting them can breach confidentiality and copyright."));
                return;
            }
        }
        for (span, _) in EXAM.find_iter(doc) {
            if CAUTIOUS.contains_in(doc.sentence_lower(span.start)) {
                continue;
            }
            let around = doc.window(&span, 80, 80);
            let sitting = [
                "from today",
                "from this morning",
                "from yesterday",
                "from my exam",
                "this morning's",
                "today's",
                "yesterday's",
                "i remember",
                "i remembered",
                "wrote down",
                "remembered",
                "memorised",
                "memorized",
            ]
            .iter()
            .any(|w| around.contains(w));
            if EXAM_NAME.contains_in(around)
                && (sitting
                    || (!GENERIC_EXAM.contains(&doc.lower[span.clone()])
                        && (shared(around) || doc.lower[span.clone()].contains("recall"))))
            {
                out.push(Hit::new(&INFO, span, Severity::Low, "Exam questions are confidential and copyrighted; sharing them can be an exam-regulation breach."));
                return;
            }
        }
        if let Some((span, _)) = IMAGES
            .find_iter(doc)
            .find(|(s, _)| !CAUTIOUS.contains_in(doc.sentence_lower(s.start)))
        {
            out.push(Hit::new(&INFO, span, Severity::Low, "Images belong to whoever made them; share with permission and credit, or link to the original."));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits};

    #[test]
    fn examples() {
        assert_examples(&ProtectedMaterial);
    }

    #[test]
    fn low_severity() {
        let got = hits(&ProtectedMaterial, "leaked email from the CEO below");
        assert_eq!(got[0].0, "leaked email");
        assert_eq!(got[0].1, Severity::Low);
    }
}
