//! Oversharing your own whereabouts: alone somewhere until a time ("Alone on Ward 22 at the
//! Royal till 8am"), your home address, your rota or your ID badge. National rota debates
//! ("Rota gaps are unsafe nationally") and badges that are not ID ("rainbow badge",
//! "hello my name is") stay clear.
use super::{context::any_of, Context, Hit, Rule, RuleInfo};
use crate::report::{Category, Severity};
use crate::text::{regex_cased, regex_lower, Document};
use regex::Regex;
use std::sync::LazyLock;

pub struct LocationOvershare;

static INFO: RuleInfo = rule_info! {
    id: "location-overshare",
    category: Category::PersonalSecurity,
    flags: &[
        "Alone on Ward 22 at the Royal till 8am",
        "here's my new ID badge!",
        "my rota for next month 👇 who's free for drinks",
        "Lone working at the Elm St clinic until 10pm tonight",
        "my address is 14 Elm Road if anyone wants to drop off the notes",
        "Check out my shiny new staff ID card 📸",
        "Here's my rota for December, come visit me on nights",
    ],
    passes: &[
        "Rota gaps are unsafe nationally - BMA data attached (link)",
        "Proud to wear my NHS rainbow badge",
        "Got my 'Hello my name is' badge today",
        "Lost my ID badge, anyone handed one in?",
        "My rota is a nightmare this month",
        "Lone working policy: always tell someone where you are",
        "Nobody should be alone on a ward at night - safe staffing now",
    ],
};

static ALONE: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:alone|on my own|by myself|lone working|lone worker|only (?:nurse|doctor|one|staff member) on)\b(?-i:[^.!?\n\x{80}-\x{10ffff}]){0,50}?\b(?:till|until|til|'?til)\b ?(?:\d{1,2}(?:[:.]\d\d)? ?(?:am|pm)?|midnight|morning|tomorrow)",
    )
});
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:my (?:home )?address(?: is|:)|i live at|i live on|come (?:round|over) to (?:mine|my place|my house|my flat) at|my (?:house|flat) is (?:at|on)) ?\d{1,4}[a-z]? [a-z]+",
    )
});
static BADGE: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:here'?s|here is|check out|look at|meet|got|finally got|proud of|picked up|collected|show off|showing off|love) my (?:new |shiny new |first |brand new |very first |official )?(?:nhs |staff |hospital |trust |work |hcpc |nmc )?(?:id badge|id card|id|identity badge|identity card|staff card|staff badge|smartcard|smart card|swipe card|access card|lanyard and id|badge and lanyard)\b",
    )
});
static BADGE_MEDIA: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\bmy (?:new |first )?(?:nhs |staff |hospital |trust |work )?(?:id badge|id card|staff id|identity badge|staff card|smartcard|swipe card|access card)\b",
    )
});
static ROTA: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:here'?s|here is|this is|check out|sharing|posting|attached is|see) my (?:[a-z0-9']+ ){0,2}?(?:rota|roster|shifts|shift pattern)\b|\bmy (?:[a-z0-9']+ ){0,2}?(?:rota|roster|shifts|shift pattern) (?:for (?:next|this|the next|the coming) (?:week|month|fortnight)|for (?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:is )?(?:below|attached|here)|👇|:)",
    )
});

static SHIFT_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:working|on|doing) (?:nights|lates|earlies|long days|days|the night shift|night shifts)\b(?-i:[^.!?\n\x{80}-\x{10ffff}]){0,40}?\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?\b",
    )
});
static VISIT_ME: LazyLock<Regex> = LazyLock::new(|| {
    regex_cased(
        r"\bat (?:the )?[A-Z][a-z]|\b(?:[Cc]ome (?:say hi|visit|see|find)|[Pp]op (?:in|by|over))",
    )
});

impl Rule for LocationOvershare {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Hit>) {
        let lower = doc.lower.as_str();
        let alone =
            any_of(lower, &["til"]) && any_of(lower, &["alone", "own", "myself", "lone", "only"]);
        for m in ALONE.find_iter(if alone { lower } else { "" }) {
            let s = doc.sentence_lower(m.start());
            if s.contains("should")
                || s.contains("policy")
                || s.contains("nobody")
                || s.contains("no one")
                || s.contains("never")
            {
                continue;
            }
            out.push(Hit::new(
                &INFO,
                m.range(),
                Severity::Low,
                "Saying where you are alone and until when tells strangers where to find you.",
            ));
        }
        let address = any_of(
            lower,
            &[
                "address",
                "i live",
                "come round",
                "come over",
                "my house",
                "my flat",
            ],
        );
        for m in ADDRESS.find_iter(if address { lower } else { "" }) {
            out.push(
                Hit::new(
                    &INFO,
                    m.range(),
                    Severity::Low,
                    "Your home address in a public post tells strangers where to find you.",
                )
                .suggest("[address removed]"),
            );
        }
        let badged = any_of(lower, &["id", "badge", "card", "lanyard"]);
        let badge = BADGE.find(if badged { lower } else { "" }).or_else(|| {
            if ctx.media_attached && badged {
                BADGE_MEDIA.find(&doc.lower)
            } else {
                None
            }
        });
        if let Some(m) = badge {
            let s = doc.sentence_lower(m.start());
            if !s.contains("lost") && !s.contains("forgot") && !s.contains("left my") {
                out.push(Hit::new(&INFO, m.range(), Severity::Low, "A photo of your ID badge can be copied to get into your workplace; crop or blur it."));
            }
        }
        let days = any_of(lower, &["night", "late", "earl", "days"])
            && any_of(
                lower,
                &["day", "mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            );
        for m in SHIFT_DAYS.find_iter(if days { lower } else { "" }) {
            let s = doc.sentence_at(m.start());
            if VISIT_ME.is_match(&doc.text[s]) {
                out.push(Hit::new(&INFO, m.range(), Severity::Low, "Your shifts and workplace in public tell strangers where you will be and when your home is empty."));
                break;
            }
        }
        let rota = any_of(lower, &["rota", "roster", "shift"]);
        if let Some(m) = ROTA.find(if rota { lower } else { "" }) {
            out.push(Hit::new(&INFO, m.range(), Severity::Low, "Your rota in public tells strangers when you are at work and when your home is empty."));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_examples, hits, hits_with_media};

    #[test]
    fn examples() {
        assert_examples(&LocationOvershare);
    }

    #[test]
    fn badge_with_photo_attached() {
        assert!(hits(
            &LocationOvershare,
            "first day vibes, my staff ID badge and a coffee"
        )
        .is_empty());
        let got = hits_with_media(
            &LocationOvershare,
            "first day vibes, my staff ID badge and a coffee",
            true,
        );
        assert_eq!(got[0].1, Severity::Low);
        assert_eq!(got[0].2, Category::PersonalSecurity);
    }
}
