//! What the classifier reads: hashed word, word-pair and character n-gram features per
//! sentence, plus which rules fired. Character n-grams of each word (with its edges marked,
//! "<drunk>" gives "<dr", "dru", ... "nk>") make a misspelt, starred or new word share most
//! of its features with the word it stands for; numbers are reduced to their shape and
//! look-alike digits inside words are read as letters ("sh1t"), so features survive
//! paraphrase, typos and obfuscation. Words shortly after a negation also count as negated
//! words. Training (`safepost features`) and checking use this one
//! definition.
use std::ops::Range;

/// Number of hash buckets (a power of two): the model holds one weight per bucket and
/// category.
pub const BUCKETS: usize = 1 << 15;

/// One token of the text: its byte span and its normalised form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub norm: String,
}

/// FNV-1a over a feature's kind tag and bytes, folded into [`BUCKETS`].
fn bucket(kind: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(kind);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            eat(0x1f);
        }
        for &b in *part {
            eat(b);
        }
    }
    // Mix the high bits down before masking: FNV's low bits alone are weak.
    (h ^ (h >> 15)) & (BUCKETS as u32 - 1)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '*' | '$' | '@' | '#')
}

/// A pictograph or symbol standing alone (emoji): a token of its own.
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric()
        && !c.is_whitespace()
        && !c.is_ascii()
        && !c.is_control()
        && !matches!(
            c,
            '\u{2018}'
                | '\u{2019}'
                | '\u{201c}'
                | '\u{201d}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2026}'
                | '\u{fe0f}'
                | '\u{200d}'
        )
        && !('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
}

/// Reads look-alike digits and symbols as the letters they replace, in words that have
/// letters on both sides of them ("sh1t", "c0vid", "f@ggot").
fn unleet(c: char) -> char {
    match c {
        '0' => 'o',
        '1' | '!' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        _ => c,
    }
}

fn normalise(raw: &str) -> String {
    let trimmed = raw.trim_matches(|c| matches!(c, '\'' | '\u{2019}' | '*'));
    let (prefix, body) = match trimmed.chars().next() {
        Some(c @ ('#' | '@')) => (Some(c), &trimmed[1..]),
        _ => (None, trimmed),
    };
    let chars: Vec<char> = if body.is_ascii() {
        // The common case, without Unicode case tables.
        body.bytes()
            .filter(|&b| b != b'\'')
            .map(|b| b.to_ascii_lowercase() as char)
            .collect()
    } else {
        body.chars()
            .filter(|c| !matches!(c, '\'' | '\u{2019}'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    let mut out = String::with_capacity(body.len() + 1);
    if let Some(p) = prefix {
        out.push(p);
    }
    for (i, &c) in chars.iter().enumerate() {
        let inside = i > 0
            && i + 1 < chars.len()
            && chars[..i].iter().any(|c| c.is_alphabetic())
            && chars[i + 1..].iter().any(|c| c.is_alphabetic());
        if c.is_ascii_digit() {
            if letters >= 2 && inside {
                out.push(unleet(c));
            } else if !out.ends_with('0') {
                // Numbers keep only their shape: one 0 per run of digits ("34yo" -> "0yo").
                out.push('0');
            }
        } else if matches!(c, '@' | '$') && inside {
            out.push(unleet(c));
        } else if c.is_alphanumeric() || c == '*' {
            out.push(c);
        }
    }
    out
}

/// The text's tokens: words (with their inner apostrophes, stars and look-alike digits),
/// hashtags, mentions, and each emoji alone.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let push = |span: Range<usize>, out: &mut Vec<Token>| {
        let raw = &text[span.clone()];
        let norm = normalise(raw);
        if !norm.is_empty() && norm != "#" && norm != "@" {
            out.push(Token { span, norm });
        }
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push(s..i, &mut out);
        }
        if is_symbol(c) {
            out.push(Token {
                span: i..i + c.len_utf8(),
                norm: c.to_string(),
            });
        }
    }
    if let Some(s) = start {
        push(s..text.len(), &mut out);
    }
    out
}

/// Kind tags, so a word and a character n-gram with the same bytes are different features.
const WORD: u8 = b'w';
const PAIR: u8 = b'b';
const CHARS: u8 = b'c';
const RULE: u8 = b'r';
const SHAPE: u8 = b's';
const NEGATED: u8 = b'n';

/// Words that turn what follows around ("never post a patient's photo"): the next few words
/// also get a negated twin feature, so a warning and a breach can weigh differently.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "cant", "cannot",
    "wont", "shouldnt", "mustnt", "wouldnt", "without", "nobody", "nothing", "nor", "neither",
    "avoid", "stop", "myth", "false", "debunked",
];

/// How many words after a negation are marked.
pub const NEGATION_REACH: usize = 3;

/// True for a token that starts a negated stretch.
pub fn is_negation(token: &Token) -> bool {
    NEGATIONS.contains(&token.norm.as_str())
}

/// Calls `emit(bucket)` for each feature of one token (its word, its character n-grams, and
/// its pair with the previous token of the sentence).
/// `negated`: the token is within reach of a negation before it in its sentence.
pub fn token_features(
    text: &str,
    token: &Token,
    previous: Option<&Token>,
    negated: bool,
    emit: &mut impl FnMut(u32),
) {
    let norm = token.norm.as_bytes();
    emit(bucket(WORD, &[norm]));
    if negated {
        emit(bucket(NEGATED, &[norm]));
    }
    if let Some(p) = previous {
        emit(bucket(PAIR, &[p.norm.as_bytes(), norm]));
    }
    let raw = &text[token.span.clone()];
    if raw.len() >= 3
        && raw.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        && raw.chars().any(char::is_alphabetic)
    {
        emit(bucket(SHAPE, &[b"caps"]));
    }
    if !token
        .norm
        .starts_with(|c: char| c.is_alphanumeric() || c == '#' || c == '@')
    {
        return; // an emoji: its word feature says it all
    }
    // Character n-grams (3 to 5) of "<word>", on char boundaries. Most words are short ASCII:
    // they are marked in a buffer on the stack, where every byte starts a char.
    let mut stack = [0u8; 64];
    let mut heap = Vec::new();
    let marked: &mut [u8] = if norm.len() + 2 <= stack.len() {
        &mut stack[..norm.len() + 2]
    } else {
        heap.resize(norm.len() + 2, 0);
        &mut heap
    };
    marked[0] = b'<';
    marked[1..=norm.len()].copy_from_slice(norm);
    marked[norm.len() + 1] = b'>';
    let marked = &*marked;
    if marked.is_ascii() {
        for n in 3..=5.min(marked.len()) {
            for w in marked.windows(n) {
                emit(bucket(CHARS, &[w]));
            }
        }
        return;
    }
    let starts: Vec<usize> = (0..marked.len())
        .filter(|&i| marked[i] & 0xC0 != 0x80)
        .chain(std::iter::once(marked.len()))
        .collect();
    for n in 3..=5 {
        if starts.len() <= n {
            break;
        }
        for w in starts.windows(n + 1) {
            emit(bucket(CHARS, &[&marked[w[0]..w[n]]]));
        }
    }
}

/// The feature of a rule having fired.
pub fn rule_feature(rule_id: &str) -> u32 {
    bucket(RULE, &[rule_id.as_bytes()])
}

/// The feature of an attached image or video.
pub fn media_feature() -> u32 {
    bucket(SHAPE, &[b"media"])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn tokens_normalise_case_digits_leet_and_keep_emoji() {
        assert_eq!(
            norms("Sh1t, a 34yo in RESUS 😂 #NHS @Trust don't f*ck"),
            ["shit", "a", "0yo", "in", "resus", "😂", "#nhs", "@trust", "dont", "f*ck"]
        );
        assert_eq!(norms("07700 900123"), ["0", "0"]);
        assert_eq!(norms("c0vid-19 b@stard"), ["covid", "0", "bastard"]);
    }

    #[test]
    fn spans_point_at_the_words() {
        let text = "Drunk 🍻 on shift";
        let t = tokens(text);
        assert_eq!(&text[t[0].span.clone()], "Drunk");
        assert_eq!(&text[t[1].span.clone()], "🍻");
        assert_eq!(&text[t[3].span.clone()], "shift");
    }

    #[test]
    fn a_misspelling_shares_most_character_ngrams() {
        let grams = |w: &str| {
            let t = &tokens(w)[0];
            let mut v = Vec::new();
            token_features(w, t, None, false, &mut |b| v.push(b));
            v
        };
        let (a, b) = (grams("vaccine"), grams("vacine"));
        let shared = a.iter().filter(|x| b.contains(x)).count();
        assert!(shared * 2 >= a.len() - 1, "{shared} of {}", a.len());
    }

    #[test]
    fn buckets_are_in_range_and_stable() {
        assert!(rule_feature("nhs-number") < BUCKETS as u32);
        assert_eq!(rule_feature("nhs-number"), rule_feature("nhs-number"));
        assert_ne!(rule_feature("nhs-number"), rule_feature("us-ssn"));
    }
}
