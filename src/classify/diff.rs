//! The word diff shown on every aligned row: glyph-folded words (so curly
//! and straight quotes are no change) compared with the `similar` crate's
//! Patience diff, shown as the original words.

use crate::findings::Chunk;
use crate::normalize::fold_glyphs;
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// The word-level diff from `a` to `b`. Words compare glyph-folded.
pub fn word_diff(a: &str, b: &str) -> Vec<Chunk> {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let fa: Vec<String> = wa.iter().map(|w| fold_glyphs(w)).collect();
    let fb: Vec<String> = wb.iter().map(|w| fold_glyphs(w)).collect();
    let mut res: Vec<Chunk> = Vec::new();
    let join = |ws: &[&str]| ws.join(" ");
    for op in capture_diff_slices(Algorithm::Patience, &fa, &fb) {
        match op {
            DiffOp::Equal { old_index, len, .. } => res.push(Chunk::Equal(join(&wa[old_index..old_index + len]))),
            DiffOp::Delete { old_index, old_len, .. } => {
                res.push(Chunk::Removed(join(&wa[old_index..old_index + old_len])))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                res.push(Chunk::Added(join(&wb[new_index..new_index + new_len])))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                res.push(Chunk::Removed(join(&wa[old_index..old_index + old_len])));
                res.push(Chunk::Added(join(&wb[new_index..new_index + new_len])));
            }
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::word_diff_notation;

    fn check(a: &str, b: &str, expected: &str) {
        assert_eq!(word_diff_notation(&word_diff(a, b)), expected);
    }

    #[test]
    fn word_diff_uses_git_notation() {
        check("the cat sat", "the cat sat", "the cat sat");
        check("the cat sat", "the dog sat", "the [-cat-]{+dog+} sat");
        check(
            "workers walked out",
            "workers walked out, adding that rivals paid them",
            "workers walked [-out-]{+out, adding that rivals paid them+}",
        );
        check("he said it", "he said", "he said [-it-]");
    }

    #[test]
    fn word_diff_ignores_quote_glyphs() {
        check("\u{201c}We go,\u{201d} he said", "\"We go,\" he said", "\u{201c}We go,\u{201d} he said");
    }
}
