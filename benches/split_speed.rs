//! Throughput benchmark for the sentence splitter.
//!
//! Reads the file named by `CLAIMDIFF_BENCH_TEXT`, or generates news-like
//! text when the variable is unset, then times `segment::split` with
//! `std::time::Instant` and prints MB/s. Run with `cargo bench --bench
//! split_speed`.

use std::time::Instant;

/// Builds about `target` bytes of varied English news-like text so the
/// benchmark runs without any input file.
fn generate(target: usize) -> String {
    let pieces = [
        "The minister said the plan would cost $1.2bn over five years. ",
        "Mr. Smith, a former U.S. envoy, met Gen. Jones at 9 a.m. on Jan. 5. ",
        "\u{201c}We will act. We have no choice,\u{201d} he said. ",
        "Shares of Acme Inc. rose 3.5% to a record high (the fifth this year). ",
        "Is this the end? Officials would not say... Talks resume Monday.\n\n",
        "ISLAMABAD (Web Desk) \u{2013} The court adjourned the hearing until next week. ",
        "Visit www.example.com or write to jane.doe@example.org for details. ",
        "Lawmakers approved version 2.0 of the bill, which J. R. R. Tolkien fans mocked.\n",
    ];
    let mut s = String::with_capacity(target + 128);
    let mut k = 0usize;
    while s.len() < target {
        s.push_str(pieces[k % pieces.len()]);
        // Stride through the pieces unevenly so the text is not periodic.
        k = k.wrapping_mul(7).wrapping_add(3);
    }
    s
}

fn main() {
    let text = match std::env::var("CLAIMDIFF_BENCH_TEXT") {
        Ok(path) => std::fs::read_to_string(&path).expect("cannot read CLAIMDIFF_BENCH_TEXT"),
        Err(_) => generate(64 << 20),
    };
    let mb = text.len() as f64 / 1e6;
    // One warm-up pass, then the best of several timed passes.
    let mut count = claimdiff::segment::split(&text).len();
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        count = std::hint::black_box(claimdiff::segment::split(std::hint::black_box(&text))).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{:.1} MB, {} sentences, best {:.3} s, {:.0} MB/s", mb, count, best, mb / best);
}
