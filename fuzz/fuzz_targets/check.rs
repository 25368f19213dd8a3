//! Fuzzes `Checker::check` with arbitrary UTF-8 (invalid bytes are replaced, as a browser's
//! TextDecoder would): it must never panic, and every finding must satisfy the invariants of
//! tests/properties.rs: byte spans on char boundaries that slice `text` to the finding's text,
//! and UTF-16 offsets that slice the same text as JavaScript would.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safepost::{Checker, Config};
use std::sync::OnceLock;

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(Config::default()).expect("default config"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let report = checker().check(text);
    let units: Vec<u16> = text.encode_utf16().collect();
    for f in &report.findings {
        assert!(
            f.byte_start < f.byte_end && f.byte_end <= text.len(),
            "byte span in range"
        );
        assert!(
            text.is_char_boundary(f.byte_start) && text.is_char_boundary(f.byte_end),
            "byte span on char boundaries"
        );
        assert_eq!(
            &text[f.byte_start..f.byte_end],
            f.text,
            "byte span slices the finding's text"
        );
        assert!(
            f.start < f.end && f.end <= units.len(),
            "UTF-16 span in range"
        );
        let slice =
            String::from_utf16(&units[f.start..f.end]).expect("UTF-16 span on whole characters");
        assert_eq!(slice, f.text, "UTF-16 span slices the same text");
        // The UTF-16 offsets are the byte offsets, counted in UTF-16 units.
        assert_eq!(
            f.start,
            text[..f.byte_start].encode_utf16().count(),
            "start offsets agree"
        );
    }
});
