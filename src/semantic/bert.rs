//! A BERT encoder's forward pass (MiniLM: 384 wide, 12 heads), for inference
//! only, over packed batches.
//!
//! Sentences are packed row after row into one `[tokens, hidden]` matrix, so
//! the linear layers (nine tenths of the work) run as a few large matrix
//! products (`matrixmultiply`'s sgemm) with no padding; only attention is per
//! sentence. Weights are read from float16 safetensors and widened to f32 once.

use half::f16;
use safetensors::SafeTensors;

/// BERT's LayerNorm epsilon.
const LN_EPS: f32 = 1e-12;

/// A dense layer, `y = x W + b`, with `W` stored `[n_in, n_out]` row-major.
struct Linear {
    w: Vec<f32>,
    b: Vec<f32>,
    n_in: usize,
    n_out: usize,
}

impl Linear {
    /// `x` is `[rows, n_in]`; the result is `[rows, n_out]`.
    fn forward(&self, x: &[f32], rows: usize) -> Vec<f32> {
        let mut y = Vec::with_capacity(rows * self.n_out);
        for _ in 0..rows {
            y.extend_from_slice(&self.b);
        }
        // SAFETY: the slices hold exactly rows*n_in, n_in*n_out and
        // rows*n_out f32s (checked at load and by construction), and the
        // strides below describe those row-major layouts.
        unsafe {
            matrixmultiply::sgemm(
                rows,
                self.n_in,
                self.n_out,
                1.0,
                x.as_ptr(),
                self.n_in as isize,
                1,
                self.w.as_ptr(),
                self.n_out as isize,
                1,
                1.0,
                y.as_mut_ptr(),
                self.n_out as isize,
                1,
            );
        }
        y
    }
}

struct LayerNorm {
    gamma: Vec<f32>,
    beta: Vec<f32>,
}

impl LayerNorm {
    fn apply(&self, x: &mut [f32]) {
        let n = self.gamma.len();
        for row in x.chunks_exact_mut(n) {
            let mean = sum(row) / n as f32;
            let var = (dot(row, row) / n as f32 - mean * mean).max(0.0);
            let inv = 1.0 / (var + LN_EPS).sqrt();
            for ((v, g), b) in row.iter_mut().zip(&self.gamma).zip(&self.beta) {
                *v = (*v - mean) * inv * g + b;
            }
        }
    }
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attn_out: Linear,
    attn_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    out_norm: LayerNorm,
}

/// The encoder's weights.
pub struct Bert {
    word: Vec<f32>,
    position: Vec<f32>,
    token_type: Vec<f32>,
    embed_norm: LayerNorm,
    layers: Vec<Layer>,
    hidden: usize,
    heads: usize,
    vocab: usize,
    max_positions: usize,
}

/// Why the weights could not be used.
#[derive(Debug)]
pub struct WeightsError(pub String);

fn tensor(st: &SafeTensors, name: &str, shape: &[usize]) -> Result<Vec<f32>, WeightsError> {
    let t = st.tensor(name).map_err(|e| WeightsError(format!("tensor {name}: {e}")))?;
    if t.shape() != shape {
        return Err(WeightsError(format!("tensor {name}: shape {:?}, expected {shape:?}", t.shape())));
    }
    let data = t.data();
    match t.dtype() {
        safetensors::Dtype::F16 => {
            Ok(data.chunks_exact(2).map(|c| f16::from_le_bytes([c[0], c[1]]).to_f32()).collect())
        }
        safetensors::Dtype::F32 => {
            Ok(data.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
        }
        other => Err(WeightsError(format!("tensor {name}: unsupported dtype {other:?}"))),
    }
}

impl Bert {
    /// Reads the weights from safetensors bytes (names as Hugging Face's
    /// `BertModel` without the `bert.` prefix; linear weights `[in, out]`).
    pub fn from_safetensors(bytes: &[u8], heads: usize) -> Result<Bert, WeightsError> {
        let st = SafeTensors::deserialize(bytes).map_err(|e| WeightsError(e.to_string()))?;
        let word_shape = st
            .tensor("embeddings.word_embeddings.weight")
            .map_err(|e| WeightsError(format!("word embeddings: {e}")))?
            .shape()
            .to_vec();
        let [vocab, hidden] = word_shape[..] else {
            return Err(WeightsError("word embeddings are not a matrix".into()));
        };
        if heads == 0 || hidden % heads != 0 {
            return Err(WeightsError(format!("{hidden} dimensions do not split into {heads} heads")));
        }
        let pos_shape = st
            .tensor("embeddings.position_embeddings.weight")
            .map_err(|e| WeightsError(format!("position embeddings: {e}")))?
            .shape()
            .to_vec();
        let max_positions = pos_shape.first().copied().unwrap_or(0);
        let norm = |prefix: &str| -> Result<LayerNorm, WeightsError> {
            Ok(LayerNorm {
                gamma: tensor(&st, &format!("{prefix}.weight"), &[hidden])?,
                beta: tensor(&st, &format!("{prefix}.bias"), &[hidden])?,
            })
        };
        let linear = |prefix: &str, n_in: usize, n_out: usize| -> Result<Linear, WeightsError> {
            Ok(Linear {
                w: tensor(&st, &format!("{prefix}.weight"), &[n_in, n_out])?,
                b: tensor(&st, &format!("{prefix}.bias"), &[n_out])?,
                n_in,
                n_out,
            })
        };
        let inter = st
            .tensor("encoder.layer.0.intermediate.dense.bias")
            .map_err(|e| WeightsError(format!("intermediate layer: {e}")))?
            .shape()
            .first()
            .copied()
            .unwrap_or(0);
        let mut layers = Vec::new();
        while st.tensor(&format!("encoder.layer.{}.attention.self.query.weight", layers.len())).is_ok() {
            let p = format!("encoder.layer.{}", layers.len());
            layers.push(Layer {
                query: linear(&format!("{p}.attention.self.query"), hidden, hidden)?,
                key: linear(&format!("{p}.attention.self.key"), hidden, hidden)?,
                value: linear(&format!("{p}.attention.self.value"), hidden, hidden)?,
                attn_out: linear(&format!("{p}.attention.output.dense"), hidden, hidden)?,
                attn_norm: norm(&format!("{p}.attention.output.LayerNorm"))?,
                intermediate: linear(&format!("{p}.intermediate.dense"), hidden, inter)?,
                output: linear(&format!("{p}.output.dense"), inter, hidden)?,
                out_norm: norm(&format!("{p}.output.LayerNorm"))?,
            });
        }
        if layers.is_empty() {
            return Err(WeightsError("no encoder layers".into()));
        }
        let token_type = tensor(&st, "embeddings.token_type_embeddings.weight", &[2, hidden])?;
        Ok(Bert {
            word: tensor(&st, "embeddings.word_embeddings.weight", &[vocab, hidden])?,
            position: tensor(&st, "embeddings.position_embeddings.weight", &[max_positions, hidden])?,
            token_type: token_type[..hidden].to_vec(),
            embed_norm: norm("embeddings.LayerNorm")?,
            layers,
            hidden,
            heads,
            vocab,
            max_positions,
        })
    }

    /// Width of the sentence vectors.
    pub fn dim(&self) -> usize {
        self.hidden
    }

    /// The longest input, in tokens, the position table allows.
    pub fn max_tokens(&self) -> usize {
        self.max_positions
    }

    /// Mean-pooled, L2-normalised vectors of several token-id sequences
    /// (each already wrapped in `[CLS] ... [SEP]`), packed into one batch.
    /// Returns `seqs.len() * dim()` floats.
    pub fn embed_batch(&self, seqs: &[Vec<u32>]) -> Vec<f32> {
        let h = self.hidden;
        let seqs: Vec<&[u32]> = seqs.iter().map(|s| &s[..s.len().min(self.max_positions)]).collect();
        let rows: usize = seqs.iter().map(|s| s.len()).sum();
        let mut x = Vec::with_capacity(rows * h);
        for seq in &seqs {
            for (pos, &id) in seq.iter().enumerate() {
                let id = (id as usize).min(self.vocab - 1);
                let w = &self.word[id * h..(id + 1) * h];
                let p = &self.position[pos * h..(pos + 1) * h];
                x.extend(w.iter().zip(p).zip(&self.token_type).map(|((a, b), c)| a + b + c));
            }
        }
        self.embed_norm.apply(&mut x);
        for layer in &self.layers {
            self.layer_forward(layer, &mut x, &seqs, rows);
        }
        let mut res = vec![0.0f32; seqs.len() * h];
        let mut row = 0;
        for (i, seq) in seqs.iter().enumerate() {
            let out = &mut res[i * h..(i + 1) * h];
            for r in row..row + seq.len() {
                for (o, v) in out.iter_mut().zip(&x[r * h..(r + 1) * h]) {
                    *o += v;
                }
            }
            row += seq.len();
            normalize(out);
        }
        res
    }

    fn layer_forward(&self, layer: &Layer, x: &mut [f32], seqs: &[&[u32]], rows: usize) {
        let h = self.hidden;
        let q = layer.query.forward(x, rows);
        let k = layer.key.forward(x, rows);
        let v = layer.value.forward(x, rows);
        let mut ctx = vec![0.0f32; rows * h];
        let d = h / self.heads;
        let scale = 1.0 / (d as f32).sqrt();
        let (mut scores, mut kh, mut vh) = (Vec::new(), Vec::new(), Vec::new());
        let mut start = 0;
        for seq in seqs {
            let n = seq.len();
            for head in 0..self.heads {
                let off = head * d;
                // This head's keys and values, gathered contiguous so the
                // inner loops run over plain slices.
                kh.clear();
                vh.clear();
                for r in start..start + n {
                    kh.extend_from_slice(&k[r * h + off..r * h + off + d]);
                    vh.extend_from_slice(&v[r * h + off..r * h + off + d]);
                }
                scores.clear();
                scores.resize(n, 0.0f32);
                for i in 0..n {
                    let qi = &q[(start + i) * h + off..(start + i) * h + off + d];
                    for (s, kj) in scores.iter_mut().zip(kh.chunks_exact(d)) {
                        *s = dot(qi, kj) * scale;
                    }
                    softmax(&mut scores);
                    let out = &mut ctx[(start + i) * h + off..(start + i) * h + off + d];
                    for (&p, vj) in scores.iter().zip(vh.chunks_exact(d)) {
                        for (o, val) in out.iter_mut().zip(vj) {
                            *o += p * val;
                        }
                    }
                }
            }
            start += n;
        }
        let attn = layer.attn_out.forward(&ctx, rows);
        for (a, b) in x.iter_mut().zip(&attn) {
            *a += b;
        }
        layer.attn_norm.apply(x);
        let mut inter = layer.intermediate.forward(x, rows);
        for v in inter.iter_mut() {
            *v = gelu(*v);
        }
        let out = layer.output.forward(&inter, rows);
        for (a, b) in x.iter_mut().zip(&out) {
            *a += b;
        }
        layer.out_norm.apply(x);
    }
}

/// BERT's GELU, `x Phi(x)`, with erf by Abramowitz and Stegun 7.1.26
/// (absolute error below 1.5e-7, far under the float16 weights' own), which
/// unlike a library erf is a few multiplications and one `exp`.
fn gelu(x: f32) -> f32 {
    let z = (x * std::f32::consts::FRAC_1_SQRT_2).abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t * (0.254_829_6 + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152_1 + t * 1.061_405_4))));
    let erf = 1.0 - poly * (-z * z).exp();
    0.5 * x * (1.0 + erf.copysign(x))
}

fn softmax(row: &mut [f32]) {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in row.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in row.iter_mut() {
        *v /= sum;
    }
}

/// The dot product, in eight lanes so that it vectorises (a plain
/// floating-point `sum` must add in order, one element at a time).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for l in 0..8 {
            acc[l] += x[l] * y[l];
        }
    }
    acc.iter().sum::<f32>() + tail
}

fn sum(a: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let chunks = a.chunks_exact(8);
    let tail: f32 = chunks.remainder().iter().sum();
    for x in chunks {
        for l in 0..8 {
            acc[l] += x[l];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// Scales `v` to unit length (a zero vector stays zero).
pub fn normalize(v: &mut [f32]) {
    let norm = dot(v, v).sqrt();
    if norm > 0.0 {
        for x in v.iter_mut() {
            *x /= norm;
        }
    }
}
