//! The combination scorer's analysis (GMC para 19: the sum of details identifies a patient).
//!
//! An *encounter* is a sentence that speaks of one specific person seen now or recently: it
//! has a cue ("last night", "came in", "my patient") and a person (an age, a role, "she",
//! "pt"), and no sign that it is general teaching, fiction, or about the poster's family or
//! colleagues. The details attached to that person in the sentence (and the next one, when it
//! goes on about the same person) are then counted: age, role, sex, place, time, a
//! distinctive condition or event, and a case already in court or in the news.
//!
//! Cost: one phrase-list pass, one regex pass and a search for dashes over the whole text
//! ("she was 13" and "took 40 tablets" are read after their phrase-list words, not by more
//! regex alternatives); two small cased regexes run only on the few sentences that are
//! encounters.
use super::Context;
use crate::rulebook::{celebrity, encounter as words};
use crate::text::{regex_cased, regex_lower, Document, Lexicon};
use regex::Regex;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

const TIME: u32 = 1;
const TIME_WEAK: u32 = 1 << 1;
const CUE: u32 = 1 << 2;
const AGE: u32 = 1 << 3;
const SEX: u32 = 1 << 4;
const ROLE: u32 = 1 << 5;
const PLACE: u32 = 1 << 6;
const UNIT: u32 = 1 << 7;
const EVENT: u32 = 1 << 8;
const PERSON: u32 = 1 << 9;
const GENERIC: u32 = 1 << 10;
const NOT_PATIENT: u32 = 1 << 11;
const FICTION: u32 = 1 << 12;
/// One of the user's workplace terms.
const WORKPLACE: u32 = 1 << 13;
/// Something that identifies on its own: a hint of fame, an age over 89.
const FAME: u32 = 1 << 14;
/// The case is in court or in the news.
const NEWS: u32 = 1 << 15;
/// "she was", "he's": an age when a bare number follows ("she was 13").
const SAID: u32 = 1 << 16;
/// "took": an overdose when a number of tablets follows ("took 40 of his mum's tablets").
const TOOK: u32 = 1 << 17;

const WHO: u32 = PERSON | AGE | SEX | ROLE;
const WHEN: u32 = TIME | TIME_WEAK | CUE;
const CANCEL: u32 = GENERIC | NOT_PATIENT | FICTION;

/// One phrase list for every kind of word, so the text is scanned once; a phrase on several
/// lists carries all their kinds.
struct Words {
    lexicon: Lexicon,
    kinds: Vec<u32>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let lists: [(crate::rulebook::Words, u32); 20] = [
        (words::TIME_STRONG, TIME | CUE),
        (words::TIME_WEAK, TIME_WEAK | CUE),
        (words::CUES, CUE),
        (words::AGE_WORDS, AGE),
        (words::SEX, SEX),
        (words::ROLES, ROLE),
        (words::PLACES, PLACE),
        (words::UNITS, UNIT),
        (words::EVENTS, EVENT),
        (words::PERSONS, PERSON),
        (words::GENERIC, GENERIC),
        (words::FICTION, FICTION),
        (words::NOT_PATIENT, NOT_PATIENT),
        (words::NEUTRAL, 0),
        (crate::words!["a patient", "the patient"], PERSON),
        (crate::words!["children's", "kids'"], 0),
        (celebrity::FAME, FAME),
        (words::NEWS, NEWS),
        (words::SAID_AGE, PERSON | SAID),
        (crate::words!["took"], TOOK),
    ];
    let mut merged: BTreeMap<String, u32> = BTreeMap::new();
    for (list, kind) in lists {
        for phrase in list {
            *merged.entry(phrase.to_ascii_lowercase()).or_default() |= kind;
        }
    }
    Words {
        lexicon: Lexicon::new(merged.keys()),
        kinds: merged.values().copied().collect(),
    }
});

/// Ages, clinical shorthand ("23F"), clock times and dates, in one pass over the lower-cased
/// text. Group names say which.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"(?x)
        (?<age>
            \b\d{1,3}\ ?-?\ ?(?:yo|y/o|y\.o|yr\ old|yrs\ old|yr-old|year\ old|years\ old|year-old
                |month-old|month\ old|months\ old|week-old|week\ old|weeks\ old|day-old|day\ old
                |days\ old|weeker|wker)\b
            | \baged?\ \d{1,3}\b
            | \bin\ (?:his|her|their)\ (?:early\ |mid\ |mid-|late\ )?
                (?:\d0s|\d0's|teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b
            | \b(?:girl|boy|woman|man|lady|lad|mum|dad|male|female|gent|mother|father)\ (?:of\ |aged\ )?\d{1,2}\b
            | ,\ ?\d{1,2}\ ?,
            | \([1-9]\d\)
        )
        | (?<short>\b[1-9]\d?[mf]\b)
        | (?<time>
            \b\d{1,2}(?::\d{2})?\ ?(?:am|pm)\b
            | \b\d{1,2}(?:st|nd|rd|th)?\ (?:of\ )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b
            | \b(?:[1-9]|[12]\d|3[01])/(?:[1-9]|1[0-2]|0[1-9])(?:/\d{2,4})?\b
        )",
    )
});

/// Places and direct identifiers that need capitals to be seen: roads ("A38", "M6"), named
/// streets and buildings, a capitalised name after "from/in/at/near", titles with surnames
/// and "Name, 17,". Run only on encounter sentences.
static CASED: LazyLock<Regex> = LazyLock::new(|| {
    regex_cased(
        r"(?x)
        (?P<road>\b[AM][1-9]\d{0,3}(?:\(M\))?\b)
        | (?P<street>\b[A-Z][a-z]+(?:\ [A-Z][a-z]+)?\ (?:Road|Rd|Street|St|Lane|Avenue|Ave|Way|Drive
            |Close|Crescent|Park|Square|Bridge|Hill|Green|Estate|Common|Beach|Pier|Station|Hospital
            |School|Academy|College|Prison|Stadium|Arena|Centre|Infirmary|General)\b)
        | (?:\b(?:[Ff]rom|[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Oo]ff|[Bb]y)\ (?:the\ )?
            (?P<town>[A-Z][a-z]{2,}(?:[\ -][A-Z][a-z]+)?))
        | (?P<title>\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\ [A-Z][a-z]+)
        | (?P<nameage>\b(?P<name>[A-Z][a-z]+),\ \(?\d{1,3}\)?,)
        ",
    )
});

/// Bed numbers and identifier labels inside an encounter: direct identifiers.
static DIRECT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex_lower(
        r"\b(?:(?:bed|bay|cubicle|cubie|side ?room) ?\d{1,3}[a-z]?|dob|d\.o\.b|nhs (?:no|number)|mrn|hosp(?:ital)? (?:no|number))\b",
    )
});

/// Capitalised words after "in/at/from" that are not places.
const NOT_PLACES: crate::rulebook::Words = crate::words![
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Christmas",
    "Easter",
    "Ramadan",
    "Eid",
    "Diwali",
    "Halloween",
    "Resus",
    "Majors",
    "Minors",
    "Triage",
    "Theatre",
    "Theatres",
    "Ward",
    "Bay",
    "Bed",
    "Labour",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "Its",
    "Work",
    "Home",
    "Nights",
    "Night",
    "Days",
    "Shift",
    "Hospital",
    "Covid",
    "God",
    "Mum",
    "Dad",
    "Nan",
    "Casualty",
    "Paeds",
    "Team",
    "Facebook",
    "Twitter",
    "Instagram",
    "Tiktok",
    "TikTok",
    "Linkedin",
    "Insta",
    "Love",
    "Strictly",
    "Last",
    "Today",
    "Tonight",
    "Yesterday",
    "Just",
    "Both",
    "Still",
    "Now",
    "Then",
    "After",
    "Before",
    "Pain",
    "Agony",
    "Tears",
    "Labour",
    "Tuesday's",
    "Bank",
    "Holiday",
    "Year",
    "New",
    "Lol",
    "Omg",
    "Ambulance",
    "Hospital",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// A detail found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Age,
    Role,
    Sex,
    Place,
    Unit,
    Time,
    TimeWeak,
    Event,
    News,
}

impl Detail {
    pub fn name(self) -> &'static str {
        match self {
            Detail::Age => "age",
            Detail::Role => "role",
            Detail::Sex => "sex",
            Detail::Place | Detail::Unit => "place",
            Detail::Time | Detail::TimeWeak => "time",
            Detail::Event => "event",
            Detail::News => "public case",
        }
    }
}

/// One encounter and what is attached to it.
#[derive(Debug, Clone)]
pub struct Encounter {
    /// Each detail counted, with where it is.
    pub details: Vec<(Detail, Range<usize>)>,
    /// Direct identifiers inside it (names, bed numbers, workplace terms).
    pub direct: Vec<Range<usize>>,
    /// Workplace terms inside it.
    pub workplace: Vec<Range<usize>>,
    /// "a 34yo teacher": an age-and-person phrase that "a patient" can replace.
    pub replaceable: Option<Range<usize>>,
}

impl Encounter {
    fn has(&self, d: Detail) -> bool {
        self.details.iter().any(|(x, _)| *x == d)
    }

    /// The score in half points: age, role, named place, event and a dated time count 2;
    /// sex, a hospital unit and a vague time count 1.
    pub fn half_points(&self) -> u32 {
        let mut s = 0;
        if self.has(Detail::Age) {
            s += 2;
        }
        if self.has(Detail::Role) {
            s += 2;
        }
        if self.has(Detail::Sex) {
            s += 1;
        }
        if self.has(Detail::Place) {
            s += 2;
        } else if self.has(Detail::Unit) {
            s += 1;
        }
        if self.has(Detail::Time) {
            s += 2;
        } else if self.has(Detail::TimeWeak) {
            s += 1;
        }
        if self.has(Detail::Event) {
            s += 2;
        }
        if self.has(Detail::News) {
            s += 2;
        }
        s
    }

    /// At least one detail that narrows the person down more than "a woman, today".
    pub fn has_strong_detail(&self) -> bool {
        self.has(Detail::Age)
            || self.has(Detail::Role)
            || self.has(Detail::Place)
            || self.has(Detail::Event)
            || self.has(Detail::News)
    }

    /// "age + role + time", in a fixed order.
    pub fn summary(&self) -> String {
        let order = [
            Detail::Age,
            Detail::Sex,
            Detail::Role,
            Detail::Place,
            Detail::Time,
            Detail::Event,
            Detail::News,
        ];
        let mut names: Vec<&str> = Vec::new();
        for d in order {
            let present = match d {
                Detail::Place => self.has(Detail::Place) || self.has(Detail::Unit),
                Detail::Time => self.has(Detail::Time) || self.has(Detail::TimeWeak),
                d => self.has(d),
            };
            if present {
                names.push(d.name());
            }
        }
        names.join(" + ")
    }

    /// From the first detail to the last.
    pub fn detail_span(&self) -> Range<usize> {
        let start = self.details.iter().map(|(_, r)| r.start).min().unwrap_or(0);
        let end = self.details.iter().map(|(_, r)| r.end).max().unwrap_or(0);
        start..end
    }
}

/// A word or number found, with its kinds.
#[derive(Clone, Debug)]
struct Mark {
    span: Range<usize>,
    kinds: u32,
}

fn marks(doc: &Document, ctx: &Context) -> Vec<Mark> {
    let words = &*WORDS;
    let mut out: Vec<Mark> = Vec::new();
    for (span, i) in words.lexicon.find_iter(doc) {
        let mut kinds = words.kinds[i];
        // "a talk from a barrister", "advice by a pharmacist": the source of what is said,
        // not someone being cared for.
        if kinds & ROLE != 0 {
            let before = &doc.lower[..span.start];
            if ["from a ", "from an ", "by a ", "by an "]
                .iter()
                .any(|w| before.ends_with(w))
            {
                kinds &= !ROLE;
            }
        }
        // "children's ward": a kind of ward, not a child.
        if kinds & (AGE | SEX) != 0 && doc.lower[span.end..].starts_with("'s ") {
            let rest = &doc.lower[span.end + 3..];
            if [
                "ward", "hospital", "unit", "a&e", "ed ", "services", "centre", "team", "nurse",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
            {
                continue;
            }
        }
        if kinds & SAID != 0 {
            kinds &= !SAID;
            if let Some(end) = said_age(&doc.lower[span.end..]) {
                out.push(Mark {
                    span: span.start..span.end + end,
                    kinds: AGE,
                });
            }
        }
        if kinds & TOOK != 0 {
            kinds &= !TOOK;
            if let Some(end) = took_tablets(&doc.lower[span.end..]) {
                out.push(Mark {
                    span: span.start..span.end + end,
                    kinds: EVENT,
                });
            }
        }
        if kinds != 0 {
            out.push(Mark { span, kinds });
        }
    }
    // "in - 21, broken jaw": an age between a dash and a comma.
    let dashes = doc.lower.match_indices('-');
    for (at, dash) in dashes.chain(doc.lower.match_indices('\u{2013}')) {
        if let Some(end) = dash_age(&doc.lower[at + dash.len()..]) {
            out.push(Mark {
                span: at..at + dash.len() + end,
                kinds: AGE,
            });
        }
    }
    for caps in NUMERIC.captures_iter(&doc.lower) {
        if let Some(m) = caps.name("age") {
            let before = &doc.lower.as_bytes()[..m.start()];
            // "my 4yo", "our 10-year-old": the poster's own child.
            // "our 26-weeker" is a baby on the unit, not the poster's child.
            let own = !m.as_str().ends_with("weeker")
                && [&b"my "[..], b"our "].iter().any(|w| {
                    before.ends_with(w)
                        && (before.len() == w.len()
                            || !before[before.len() - w.len() - 1].is_ascii_alphanumeric())
                });
            // Over 89: identifying on its own (HIPAA), a direct identifier.
            let very_old = m
                .as_str()
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| (90..=120).contains(&n));
            let kinds = if own {
                NOT_PATIENT
            } else if very_old {
                AGE | FAME
            } else {
                AGE
            };
            out.push(Mark {
                span: m.range(),
                kinds,
            });
        } else if let Some(m) = caps.name("short") {
            // "23F", "45M" in clinical shorthand: with a capital letter, or lower case right
            // after "pt"/"patient" ("pt 34f").
            if doc.text.as_bytes()[m.end() - 1].is_ascii_uppercase()
                || after_patient_word(&doc.lower[..m.start()])
            {
                out.push(Mark {
                    span: m.range(),
                    kinds: AGE | SEX,
                });
            }
        } else if let Some(m) = caps.name("time") {
            if m.as_str() != "24/7" {
                out.push(Mark {
                    span: m.range(),
                    kinds: TIME,
                });
            }
        }
    }
    if !ctx.workplace.is_empty() {
        for (span, _) in ctx.workplace.find_iter(doc) {
            out.push(Mark {
                span,
                kinds: PLACE | WORKPLACE | CUE,
            });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// The encounters of one check, and the document (address, length) they were found in.
pub struct Analysis {
    doc: (usize, usize),
    found: Vec<Encounter>,
}

/// The encounters in the document, in order. Two rules read them (clinical-encounter and
/// workplace-term), so they are found once per check and kept in its [`Context`]; a context
/// asked about a different document (only tests and benchmarks reuse one) gets a fresh answer.
pub fn encounters<'c>(doc: &Document, ctx: &'c Context) -> Cow<'c, [Encounter]> {
    let id = (doc.lower.as_ptr() as usize, doc.lower.len());
    let analysis = ctx.encounters.get_or_init(|| Analysis {
        doc: id,
        found: find(doc, ctx),
    });
    if analysis.doc == id {
        Cow::Borrowed(&analysis.found)
    } else {
        Cow::Owned(find(doc, ctx))
    }
}

fn find(doc: &Document, ctx: &Context) -> Vec<Encounter> {
    let marks = marks(doc, ctx);
    if marks.is_empty() {
        return Vec::new();
    }
    let sentences = doc.sentences();
    // For each sentence, the range of `marks` inside it.
    let mut per_sentence: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    let mut k = 0;
    for s in sentences {
        while k < marks.len() && marks[k].span.start < s.start {
            k += 1;
        }
        let first = k;
        while k < marks.len() && marks[k].span.start < s.end {
            k += 1;
        }
        per_sentence.push(first..k);
    }
    let kinds_of = |i: usize| -> u32 {
        marks[per_sentence[i].clone()]
            .iter()
            .fold(0, |acc, m| acc | m.kinds)
    };

    let mut out: Vec<Encounter> = Vec::new();
    let mut i = 0;
    while i < sentences.len() {
        let kinds = kinds_of(i);
        let is_encounter = kinds & WHEN != 0 && kinds & WHO != 0 && kinds & CANCEL == 0;
        if !is_encounter {
            i += 1;
            continue;
        }
        let mut last = i;
        // The next sentence goes on about the same person when it names one and is not
        // itself general.
        if i + 1 < sentences.len() {
            let next = kinds_of(i + 1);
            if next & (PERSON | AGE | ROLE | SEX) != 0 && next & CANCEL == 0 {
                last = i + 1;
            }
        }
        let mut enc = Encounter {
            details: Vec::new(),
            direct: Vec::new(),
            workplace: Vec::new(),
            replaceable: None,
        };
        for j in i..=last {
            collect(
                doc,
                &marks[per_sentence[j].clone()],
                &sentences[j],
                &mut enc,
            );
        }
        out.push(enc);
        i = last + 1;
    }
    out
}

fn collect(doc: &Document, marks: &[Mark], sentence: &Range<usize>, enc: &mut Encounter) {
    for m in marks {
        let table = [
            (AGE, Detail::Age),
            (ROLE, Detail::Role),
            (SEX, Detail::Sex),
            (PLACE, Detail::Place),
            (UNIT, Detail::Unit),
            (TIME, Detail::Time),
            (TIME_WEAK, Detail::TimeWeak),
            (EVENT, Detail::Event),
            (NEWS, Detail::News),
        ];
        for (bit, detail) in table {
            if m.kinds & bit != 0 {
                enc.details.push((detail, m.span.clone()));
            }
        }
        if m.kinds & WORKPLACE != 0 {
            enc.direct.push(m.span.clone());
            enc.workplace.push(m.span.clone());
        } else if m.kinds & FAME != 0 {
            enc.direct.push(m.span.clone());
        }
    }
    let text = &doc.text[sentence.clone()];
    let base = sentence.start;
    for caps in CASED.captures_iter(text) {
        if let Some(m) = caps.name("road").or_else(|| caps.name("street")) {
            enc.details
                .push((Detail::Place, base + m.start()..base + m.end()));
        } else if let Some(m) = caps.name("town") {
            let first = m.as_str().split([' ', '-']).next().unwrap_or("");
            if !NOT_PLACES.contains(first) && !is_listed_word(m.as_str()) {
                enc.details
                    .push((Detail::Place, base + m.start()..base + m.end()));
            }
        } else if let Some(m) = caps.name("title") {
            enc.direct.push(base + m.start()..base + m.end());
        } else if let (Some(m), Some(name)) = (caps.name("nameage"), caps.name("name")) {
            if !NOT_PLACES.contains(name.as_str()) && !is_listed_word(name.as_str()) {
                enc.direct.push(base + m.start()..base + m.end());
            }
        }
    }
    let lower = &doc.lower[sentence.clone()];
    for m in DIRECT_WORDS.find_iter(lower) {
        enc.direct.push(base + m.start()..base + m.end());
    }
    if enc.replaceable.is_none() {
        enc.replaceable = replaceable(doc, marks);
    }
}

/// Units that make "she was 13" a measure, not an age ("she was 30 weeks", "he's 2 hours").
const UNITS_AFTER: crate::rulebook::Words = crate::words![
    "week", "wk", "day", "hour", "hr", "min", "minute", "sec", "second", "month", "kg", "lb",
    "stone", "st", "cm", "mm", "ml", "mg", "unit", "point", "time", "x", "am", "pm", "ft", "feet",
    "mile", "th", "nd", "rd", "percent",
];

/// `rest` (lower case, right after a number) starts with a unit, ignoring spaces.
fn unit_follows(rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    if let Some(after) = rest.strip_prefix(['.', ',']) {
        return after.starts_with(|c: char| c.is_ascii_digit());
    }
    if rest.starts_with(['%', '/', ':', '-']) {
        return true;
    }
    let word = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    let singular = word.strip_suffix('s').unwrap_or(word);
    UNITS_AFTER.contains(word) || UNITS_AFTER.contains(singular)
}

/// The length of " 13" after "she was" when it is an age: one or two digits, then no digit
/// and no unit ("she was 30 weeks").
fn said_age(rest: &str) -> Option<usize> {
    let digits = rest.strip_prefix(' ')?;
    let n = digits.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&n) || unit_follows(&digits[n..]) {
        return None;
    }
    let after = digits[n..].chars().next();
    if after.is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(1 + n)
}

/// The length of " 40 of" / " 30 tablets" after "took": a number of tablets taken.
fn took_tablets(rest: &str) -> Option<usize> {
    let rest_trim = rest.strip_prefix(' ')?;
    let n = if let Some(r) = rest_trim.strip_prefix("a handful") {
        rest_trim.len() - r.len()
    } else if let Some(r) = rest_trim.strip_prefix("all") {
        rest_trim.len() - r.len()
    } else {
        let d = rest_trim.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&d) {
            return None;
        }
        d
    };
    let next = rest_trim[n..].strip_prefix(' ')?;
    [
        "of ",
        "paracetamol",
        "tablets",
        "pills",
        "co-codamol",
        "sertraline",
    ]
    .iter()
    .find(|w| next.starts_with(*w))
    .map(|w| 1 + n + 1 + w.len())
}

/// The length of " 21," after a dash: a bare age set off by a dash and a comma.
fn dash_age(rest: &str) -> Option<usize> {
    let digits = rest.strip_prefix(' ')?;
    let n = digits.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&n) {
        return None;
    }
    let tail = &digits[n..];
    let comma = if tail.starts_with(',') {
        1
    } else if tail.starts_with(" ,") {
        2
    } else {
        return None;
    };
    Some(1 + n + comma)
}

/// The lower-cased text before a number ends with "pt" or "patient" (then spaces, ':' or ',').
fn after_patient_word(before: &str) -> bool {
    let b = before.trim_end_matches([' ', ':', ',']);
    ["pt", "patient"].iter().any(|w| {
        b.ends_with(w)
            && b[..b.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A capitalised word that is one of the scorer's own words ("Farmer", "Teacher").
fn is_listed_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let listed = WORDS
        .lexicon
        .find_in(&lower, 0)
        .any(|(r, _)| r.start == 0 && r.end == lower.len());
    listed
}

/// "a 34yo teacher", "45-year-old vicar", "18yo lad": an age followed closely by a role or
/// sex word, with its article, which "a patient" can replace.
fn replaceable(doc: &Document, marks: &[Mark]) -> Option<Range<usize>> {
    for (k, m) in marks.iter().enumerate() {
        if m.kinds & AGE == 0 {
            continue;
        }
        let mut end = m.span.end;
        // Up to two following words that are roles or sex words, a few bytes apart.
        for next in marks.iter().skip(k + 1).take(2) {
            let gap = &doc.lower[end..next.span.start.max(end)];
            if next.kinds & (ROLE | SEX) != 0 && gap.len() <= 10 && !gap.contains([',', '.']) {
                end = next.span.end;
            } else {
                break;
            }
        }
        if end == m.span.end {
            continue;
        }
        let mut start = m.span.start;
        for article in ["a ", "an ", "the "] {
            if doc.lower[..start].ends_with(article) {
                start -= article.len();
                break;
            }
        }
        return Some(start..end);
    }
    None
}
