//! Helpers shared by the paraphrase benches (`msrp`, `semantic`): choosing
//! a classification threshold on a train split and scoring it on another.

/// The threshold that maximises accuracy on `scores`, and that accuracy.
pub fn best_threshold(scores: &[f32], labels: &[bool]) -> (f32, f64) {
    let mut cands: Vec<f32> = scores.to_vec();
    cands.sort_by(f32::total_cmp);
    cands.dedup();
    let mut best = (0.0, 0.0);
    for t in cands {
        let acc = accuracy(scores, labels, t);
        if acc > best.1 {
            best = (t, acc);
        }
    }
    best
}

/// The share of pairs whose `score >= t` agrees with their label.
pub fn accuracy(scores: &[f32], labels: &[bool], t: f32) -> f64 {
    scores.iter().zip(labels).filter(|(s, l)| (**s >= t) == **l).count() as f64 / labels.len() as f64
}
