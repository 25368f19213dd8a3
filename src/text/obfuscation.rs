//! Words written to dodge filters: "f*ck", "sh1t", "a$$", "fuuuuck". Most words in a post
//! are plain and found by a [`crate::text::Lexicon`]; this scan only looks at tokens that mix
//! letters with symbols or digits, or stretch a letter three times or more, and gives back
//! their normalised forms for a rule to compare with its list.
use std::ops::Range;

/// A token that looks disguised, with its byte span and its lower-case normalised form.
/// `wild` marks positions where the writer put `*` or `#` (any letter there).
pub struct Disguised {
    pub span: Range<usize>,
    pub form: String,
    /// True when `form` contains `*` wildcards (each stands for one or two letters).
    pub wild: bool,
}

fn token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'*' | b'@' | b'$' | b'!' | b'#' | b'\'')
}

/// Tokens in `lower` (an ASCII-lower-cased text) that look disguised.
pub fn disguised_tokens(lower: &str) -> Vec<Disguised> {
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !token_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        // Most tokens are plain words: letters only, no letter three times in a row. Those
        // are never disguised, so `normalise` only sees the rest.
        let mut plain = true;
        while i < bytes.len() && token_byte(bytes[i]) {
            let b = bytes[i];
            plain &= b.is_ascii_lowercase()
                && !(i >= start + 2 && b == bytes[i - 1] && b == bytes[i - 2]);
            i += 1;
        }
        if plain {
            continue;
        }
        if let Some(d) = normalise(lower, start, i) {
            out.push(d);
        }
    }
    out
}

fn normalise(lower: &str, mut start: usize, mut end: usize) -> Option<Disguised> {
    let b = lower.as_bytes();
    // Hashtags and mentions: judge the word after the sign as plain text elsewhere.
    if matches!(b[start], b'#') {
        return None;
    }
    // Trailing punctuation ("shit!!", "word*" footnotes) and leading quotes.
    while end > start && matches!(b[end - 1], b'!' | b'\'') {
        end -= 1;
    }
    while start < end && b[start] == b'\'' {
        start += 1;
    }
    let len = end - start;
    if !(3..=24).contains(&len) {
        return None;
    }
    let tok = &b[start..end];
    // A mention ("@handle") is a name, unless it is a short disguised word like "@ss".
    if tok[0] == b'@' && len > 4 {
        return None;
    }
    // Road and grade codes like "a55", "m1", "b4": letters then digits only.
    let letters = tok.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters <= 2 && tok[letters..].iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if tok[0] == b'*' || tok[0].is_ascii_digit() {
        return None;
    }
    let symbols = tok.iter().any(|c| !c.is_ascii_alphabetic() && *c != b'\'');
    let stretched = tok
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if !symbols && !stretched {
        return None;
    }
    let mut form = String::with_capacity(len);
    let mut wild = false;
    for &c in tok {
        let m = match c {
            b'0' => 'o',
            b'1' | b'!' => 'i',
            b'3' => 'e',
            b'4' | b'@' => 'a',
            b'5' | b'$' => 's',
            b'7' => 't',
            b'*' | b'#' => {
                wild = true;
                '*'
            }
            b'\'' => continue,
            c if c.is_ascii_alphabetic() => c as char,
            _ => return None,
        };
        form.push(m);
    }
    if form.chars().filter(|c| c.is_ascii_alphabetic()).count() == 0 {
        return None;
    }
    Some(Disguised {
        span: start..end,
        form,
        wild,
    })
}

/// `word` with every run of a repeated letter cut to one: "fuuuuck" -> "fuck".
pub fn squeeze(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Does a disguised form match a listed word? `*` stands for one or two letters; stretched
/// letters match their single form ("fuuuck" matches "fuck").
pub fn matches_word(form: &str, wild: bool, word: &str) -> bool {
    if wild {
        let first = form.as_bytes()[0];
        if first != b'*' && first != word.as_bytes()[0] {
            return false;
        }
        glob(form.as_bytes(), word.as_bytes())
    } else {
        form == word || squeeze(form) == squeeze(word)
    }
}

fn glob(p: &[u8], w: &[u8]) -> bool {
    match p.first() {
        None => w.is_empty(),
        Some(b'*') => {
            let rest = &p[1..];
            (1..=2).any(|n| n <= w.len() && glob(rest, &w[n..]))
        }
        Some(&c) => !w.is_empty() && w[0] == c && glob(&p[1..], &w[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        disguised_tokens(&text.to_ascii_lowercase())
            .into_iter()
            .map(|d| d.form)
            .collect()
    }

    #[test]
    fn finds_disguised_words_only() {
        assert_eq!(forms("what the f*ck, sh1t day"), vec!["f*ck", "shit"]);
        assert_eq!(
            forms("fuuuuck me, a$$ and @ss"),
            vec!["fuuuuck", "ass", "ass"]
        );
        assert!(forms("Analgesia on the A55 at 10am, #NHS @NHSEngland class").is_empty());
    }

    #[test]
    fn glob_and_squeeze() {
        assert!(matches_word("f**k", true, "fuck"));
        assert!(matches_word("f***", true, "fuck"));
        assert!(matches_word("fuuuuck", false, "fuck"));
        assert!(!matches_word("f*ck", true, "shit"));
        assert!(!matches_word("shiiit", false, "shot"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "*",
            "***",
            "@",
            "é*é",
            "a\u{0}*b",
            "🙂f*ck🙂",
            "'''",
            "1!1!1!",
        ] {
            let _ = forms(t);
        }
    }
}
