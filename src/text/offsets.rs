/// Converts byte offsets into UTF-16 code unit offsets in one pass over the text.
/// `byte_offsets` may come in any order; each must lie on a char boundary of `text`.
pub fn utf16_offsets(text: &str, byte_offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..byte_offsets.len()).collect();
    order.sort_unstable_by_key(|&i| byte_offsets[i]);
    let mut out = vec![0; byte_offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0;
    for i in order {
        let target = byte_offsets[i];
        while let Some(&(at, c)) = chars.peek() {
            if at >= target {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        out[i] = units;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_surrogate_pairs_as_two_units() {
        let text = "a🙂b é";
        let b = text.find('b').unwrap();
        let e = text.find('é').unwrap();
        assert_eq!(
            utf16_offsets(text, &[e, 0, b, text.len()]),
            vec![5, 0, 3, 6]
        );
    }
}
