//! Reads all of stdin and prints one sentence per line, with every run of
//! whitespace inside a sentence collapsed to a single space.

use std::io::{self, Read, Write};

fn main() -> io::Result<()> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for span in claimdiff::segment::split(&text) {
        let sentence = &text[span.start..span.end];
        let mut first = true;
        for word in sentence.split_whitespace() {
            if !first {
                out.write_all(b" ")?;
            }
            out.write_all(word.as_bytes())?;
            first = false;
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}
