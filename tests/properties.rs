//! Whatever the input, the core never panics and every finding's offsets are usable: byte
//! spans on char boundaries, and UTF-16 offsets that slice the same text as JavaScript would.
use proptest::prelude::*;
use safepost::{Checker, Config};

fn utf16_slice(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16(&units[start..end]).expect("finding spans whole characters")
}

fn check_invariants(text: &str) {
    let checker = Checker::new(Config::default()).expect("default config");
    let report = checker.check(text);
    // Encoded once: a megabyte of text can carry tens of thousands of findings.
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let units = utf16.len();
    for f in &report.findings {
        assert!(f.byte_start < f.byte_end && f.byte_end <= text.len());
        assert!(text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end));
        assert_eq!(&text[f.byte_start..f.byte_end], f.text);
        assert!(f.start < f.end && f.end <= units);
        assert_eq!(utf16_slice(&utf16, f.start, f.end), f.text);
    }
}

/// Text built from pieces that exercise the rules and the hard parts of Unicode.
fn post_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr Khan in bed 12",
        "NHS no 943 476 5919",
        "LS6 2AB",
        "07700 900123",
        "DOB 12/03/1987",
        "frequent flyer",
        "🙂",
        "👩🏽‍⚕️",
        "e\u{301}",
        "\u{0}",
        "\u{FFFD}",
        "مريض في السرير",
        "שלום",
        "\n",
        " ",
        ".",
        "!!!",
        "patient",
        "today",
        "34yo",
        "teacher",
        "resus",
        "ward 4",
        "#ad",
        "ＦＵＬＬＷＩＤＴＨ",
        "İstanbul",
        "ß",
        "\u{200B}",
        "\r\n",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_breaks_the_checker(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn post_like_text_keeps_offsets_consistent(text in post_like()) {
        check_invariants(&text);
    }
}

#[test]
fn a_megabyte_of_paste_is_checked() {
    let text = "Mr Khan in bed 12 🙂 NHS no 943 476 5919. ".repeat(25_000);
    assert!(text.len() > 1_000_000);
    check_invariants(&text);
}

#[test]
fn empty_and_whitespace_only_text() {
    for text in ["", " ", "\n\n\n", "\u{0}"] {
        check_invariants(text);
    }
}
