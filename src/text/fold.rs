//! Case-insensitive patterns without the regex crate's Unicode case-folding tables (about
//! 48 KB of the WebAssembly module): every ASCII letter a case-insensitive pattern may match
//! is written out in both cases (`nhs` becomes `[nN][hH][sS]`, `[a-z]` becomes `[a-zA-Z]`),
//! and the pattern is compiled case-sensitively. Rules look for English words, so ASCII
//! letters are all that needs folding; a pattern with another letter panics (every rule's
//! tests compile its patterns), rather than silently match one case only.

/// `pattern` with its case-insensitive parts spelled out in both cases. Honours the inline
/// flags `i` (`(?-i:...)` stays case-sensitive) and `x` (comments), escapes, named groups
/// and nested classes.
pub(super) fn spell_out_cases(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 3);
    let mut chars = pattern.chars().peekable();
    // Per open group: (case-insensitive, verbose) inside it.
    let mut scopes: Vec<(bool, bool)> = vec![(true, false)];
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        let (ci, verbose) = *scopes.last().expect("the outer scope is never closed");
        match c {
            '\\' => {
                out.push(c);
                let Some(n) = chars.next() else { break };
                out.push(n);
                if matches!(n, 'x' | 'u' | 'U' | 'p' | 'P') {
                    if chars.peek() == Some(&'{') {
                        for e in chars.by_ref() {
                            out.push(e);
                            if e == '}' {
                                break;
                            }
                        }
                    } else {
                        let digits = if n == 'x' {
                            2
                        } else if matches!(n, 'p' | 'P') {
                            1
                        } else {
                            0
                        };
                        out.extend(chars.by_ref().take(digits));
                    }
                }
            }
            '[' if class_depth > 0 && chars.peek() == Some(&':') => {
                // A POSIX class, "[:alpha:]": its name is not a set of letters.
                out.push(c);
                while let Some(e) = chars.next() {
                    out.push(e);
                    if e == ':' && chars.peek() == Some(&']') {
                        out.push(chars.next().expect("peeked"));
                        break;
                    }
                }
            }
            '[' => {
                class_depth += 1;
                out.push(c);
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().expect("peeked"));
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            c if class_depth > 0 && ci && c.is_ascii_alphabetic() => {
                // "a-z" gains "A-Z"; a lone letter gains its other case.
                let mut ahead = chars.clone();
                if ahead.next() == Some('-') {
                    if let Some(end) = ahead.next().filter(char::is_ascii_alphabetic) {
                        chars.next();
                        chars.next();
                        out.extend([c, '-', end]);
                        if c.is_ascii_lowercase() == end.is_ascii_lowercase() {
                            out.extend([swap_case(c), '-', swap_case(end)]);
                        }
                        continue;
                    }
                }
                out.extend([c, swap_case(c)]);
            }
            _ if class_depth > 0 => out.push(c),
            '(' if chars.peek() == Some(&'?') => {
                chars.next();
                let named = chars.peek() == Some(&'<') || chars.peek() == Some(&'P');
                if named {
                    // "(?<name>" or "(?P<name>": copy the name as it is.
                    out.push_str("(?");
                    for e in chars.by_ref() {
                        out.push(e);
                        if e == '>' {
                            break;
                        }
                    }
                    scopes.push((ci, verbose));
                    continue;
                }
                let mut flags = String::new();
                let mut end = ')';
                for e in chars.by_ref() {
                    if e == ':' || e == ')' {
                        end = e;
                        break;
                    }
                    flags.push(e);
                }
                let (mut new_ci, mut new_verbose, mut on) = (ci, verbose, true);
                for f in flags.chars() {
                    match f {
                        '-' => on = false,
                        'i' => new_ci = on,
                        'x' => new_verbose = on,
                        _ => {}
                    }
                }
                // The regex crate never sees "i": this function does its work.
                let kept: String = flags.chars().filter(|&f| f != 'i').collect();
                let kept = if kept.ends_with('-') {
                    &kept[..kept.len() - 1]
                } else {
                    &kept
                };
                if end == ':' {
                    out.push_str("(?");
                    out.push_str(kept);
                    out.push(':');
                    scopes.push((new_ci, new_verbose));
                } else {
                    if !kept.is_empty() {
                        out.push_str("(?");
                        out.push_str(kept);
                        out.push(')');
                    }
                    *scopes.last_mut().expect("the outer scope is never closed") =
                        (new_ci, new_verbose);
                }
            }
            '(' => {
                scopes.push((ci, verbose));
                out.push(c);
            }
            ')' => {
                if scopes.len() > 1 {
                    scopes.pop();
                }
                out.push(c);
            }
            '#' if verbose => {
                out.push(c);
                for e in chars.by_ref() {
                    out.push(e);
                    if e == '\n' {
                        break;
                    }
                }
            }
            c if ci && c.is_ascii_alphabetic() => out.extend(['[', c, swap_case(c), ']']),
            c => {
                assert!(
                    !(ci && c.is_alphabetic()),
                    "case-insensitive pattern {pattern:?} has the non-ASCII letter {c:?}: \
                     only ASCII letters are folded"
                );
                out.push(c);
            }
        }
    }
    out
}

fn swap_case(c: char) -> char {
    if c.is_ascii_lowercase() {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::spell_out_cases as spell;

    #[test]
    fn letters_outside_classes_match_both_cases() {
        assert_eq!(spell(r"nhs\b"), r"[nN][hH][sS]\b");
        assert_eq!(spell(r"a+b?"), r"[aA]+[bB]?");
    }

    #[test]
    fn classes_gain_the_other_case() {
        assert_eq!(spell(r"[a-z0-9_]"), r"[a-zA-Z0-9_]");
        assert_eq!(spell(r"[^aB]"), r"[^aABb]");
        assert_eq!(spell(r"[^[0-9]\n]x"), r"[^[0-9]\n][xX]");
        assert_eq!(spell(r"[[:alpha:]]"), r"[[:alpha:]]");
    }

    #[test]
    fn escapes_names_and_case_sensitive_groups_are_kept() {
        assert_eq!(
            spell(r"\x{10FFFF}\u{201c}\d\pL"),
            r"\x{10FFFF}\u{201c}\d\pL"
        );
        assert_eq!(spell(r"(?P<name>a)"), r"(?P<name>[aA])");
        assert_eq!(spell(r"a(?-i:B[a-z])c"), r"[aA](?:B[a-z])[cC]");
        assert_eq!(spell(r"(?-u:\b)a"), r"(?-u:\b)[aA]");
        assert_eq!(spell(r"(?i)a"), r"[aA]");
    }

    #[test]
    fn verbose_comments_are_copied() {
        assert_eq!(
            spell("(?x) a # (not [a group]\n b"),
            "(?x) [aA] # (not [a group]\n [bB]"
        );
    }

    #[test]
    #[should_panic(expected = "non-ASCII letter")]
    fn other_letters_are_refused() {
        spell("café");
    }
}
