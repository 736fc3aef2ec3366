//! A BERT encoder's forward pass (MiniLM: 384 wide, 12 heads), for inference
//! only, over packed batches.
//!
//! Sentences are packed row after row into one `[tokens, hidden]` matrix, so
//! the linear layers (nine tenths of the arithmetic) run as a few large
//! matrix products with no padding; only attention is per sentence. Weights
//! are read from float16 safetensors and quantized to int8 once at load
//! (`Linear`); the products are exact integer products (`rten-gemm`'s int8
//! kernel, or its float kernel where the CPU has no int8 dot products: see
//! `Int8`), everything else in f32, compiled for AVX2 and AVX-512 beside
//! the baseline and picked at run time (`multiversion`).

use super::ops::{dot, gelu, normalize, range, softmax, sum, LANES, ROUNDER};
use half::f16;
use rten_gemm::{GemmExecutor, GemmInputA, GemmInputB, GemmOptions, PackedBMatrix};
use rten_tensor::NdTensorView;
use safetensors::SafeTensors;

/// BERT's LayerNorm epsilon.
const LN_EPS: f32 = 1e-12;

/// A dense layer, `y = x W + b`, run in int8: the weights quantized once per
/// output column (symmetric, scale `max |w| / 127`), each batch's inputs per
/// row (asymmetric, over the row's range), multiplied exactly in integers
/// (see [`Int8`]) and scaled back. Three times the float32 kernels' speed
/// where the CPU has int8 dot products; sentence cosines move by about 0.003
/// (the `bert` tests hold them to the float reference).
struct Linear {
    /// `W` quantized, packed for the kernel.
    w: Packed,
    /// Each output column's scale.
    scale: Vec<f32>,
    /// Each output column's sum of quantized weights, to take each row's
    /// zero point back out of the product.
    col_sum: Vec<i32>,
    b: Vec<f32>,
    n_in: usize,
    n_out: usize,
}

/// Quantized weights packed for [`Int8`]'s kernel.
enum Packed {
    Int8(PackedBMatrix<i8>),
    /// One packed block per [`EXACT_DEPTH`] rows of `W`.
    Float(Vec<PackedBMatrix<f32>>),
}

/// The integer products. Activations always use all 255 levels. Where the
/// CPU has an int8 kernel that cannot saturate (VNNI, Arm dot products),
/// it runs `rten-gemm`'s u8 x i8 -> i32 kernel. Where the int8 kernel adds
/// pairs of products in 16 bits and could saturate (AVX2 without VNNI, whose
/// int8 kernel also runs no faster than its float one), the same integers
/// are multiplied by the float32 kernel instead, over blocks of at most
/// [`EXACT_DEPTH`]: every product and every partial sum is then an integer
/// below 2^24, exact in f32 whatever the kernel's order. So every CPU
/// computes the same integers, and the same vectors: a report made on one
/// machine is the report made on any other.
enum Int8 {
    Int8(GemmExecutor<u8, i8, i32>),
    Float(GemmExecutor<f32, f32, f32>),
}

/// The depth of one float block: 512 products of at most 255 x 127 sum to
/// at most 16,581,120, under 2^24 = 16,777,216.
const EXACT_DEPTH: usize = 512;

/// Queries whose attention is computed together.
const ROWS: usize = 4;

/// Activation levels: 8 bits.
const LEVELS: f32 = 255.0;

impl Int8 {
    fn new() -> Int8 {
        let gemm = GemmExecutor::<u8, i8, i32>::default();
        if gemm.may_saturate() {
            Int8::Float(GemmExecutor::default())
        } else {
            Int8::Int8(gemm)
        }
    }

    /// Packs quantized weights (`[n_in, n_out]`, row-major) for the kernel.
    fn pack(&self, q: &[i8], n_in: usize, n_out: usize) -> Packed {
        match self {
            Int8::Int8(gemm) => Packed::Int8(gemm.prepack_b(NdTensorView::from_data([n_in, n_out], q))),
            Int8::Float(gemm) => Packed::Float(
                q.chunks(EXACT_DEPTH * n_out)
                    .map(|block| {
                        let f: Vec<f32> = block.iter().map(|&v| f32::from(v)).collect();
                        gemm.prepack_b(NdTensorView::from_data([block.len() / n_out, n_out], f.as_slice()))
                    })
                    .collect(),
            ),
        }
    }

    /// `acc = q x w` in exact 32-bit integers, `q` being `[rows, n_in]`.
    fn product(&self, acc: &mut [i32], q: &[u8], rows: usize, n_in: usize, w: &Packed, s: &mut FloatScratch) {
        // The zero points are taken out by the caller, not by the kernel:
        // rten-gemm 0.27 gets per-row zero points wrong when the depth
        // (1536) spans more than one of its blocks. The shapes agree by
        // construction (checked at load), which is all the kernel can
        // object to.
        match (self, w) {
            (Int8::Int8(gemm), Packed::Int8(w)) => {
                let a = GemmInputA::Unpacked(NdTensorView::from_data([rows, n_in], q));
                gemm.gemm(acc, a, GemmInputB::Packed(w), GemmOptions::default()).expect("int8 shapes agree");
            }
            (Int8::Float(gemm), Packed::Float(blocks)) => {
                let FloatScratch { a, out } = s;
                a.clear();
                a.extend(q.iter().map(|&v| f32::from(v)));
                out.resize(acc.len(), 0.0);
                for (k, w) in blocks.iter().enumerate() {
                    let (k0, depth) = (k * EXACT_DEPTH, w.rows());
                    let view = NdTensorView::from_data_with_strides([rows, depth], &a[k0..], [n_in, 1])
                        .expect("a block of rows lies in the activations");
                    gemm.gemm(out, GemmInputA::Unpacked(view), GemmInputB::Packed(w), GemmOptions::default())
                        .expect("float shapes agree");
                    // Integers below 2^24: the casts are exact.
                    if k == 0 {
                        acc.iter_mut().zip(out.iter()).for_each(|(x, &v)| *x = v as i32);
                    } else {
                        acc.iter_mut().zip(out.iter()).for_each(|(x, &v)| *x += v as i32);
                    }
                }
            }
            _ => unreachable!("weights are packed by the kernel that multiplies them"),
        }
    }
}

impl Linear {
    /// Quantizes `w` (`[n_in, n_out]` row-major) for `int8`.
    fn new(int8: &Int8, w: &[f32], b: Vec<f32>, n_in: usize, n_out: usize) -> Linear {
        let mut scale = vec![0.0f32; n_out];
        for row in w.chunks_exact(n_out) {
            for (s, v) in scale.iter_mut().zip(row) {
                *s = s.max(v.abs());
            }
        }
        for s in &mut scale {
            *s = if *s > 0.0 { *s / 127.0 } else { 1.0 };
        }
        let q: Vec<i8> = w
            .chunks_exact(n_out)
            .flat_map(|row| row.iter().zip(&scale).map(|(v, s)| (v / s).round().clamp(-127.0, 127.0) as i8))
            .collect();
        let mut col_sum = vec![0i32; n_out];
        for row in q.chunks_exact(n_out) {
            for (s, &v) in col_sum.iter_mut().zip(row) {
                *s += i32::from(v);
            }
        }
        let w = int8.pack(&q, n_in, n_out);
        Linear { w, scale, col_sum, b, n_in, n_out }
    }

    /// `x` is `[rows, n_in]`; `y` becomes `[rows, n_out]`.
    #[inline(always)]
    fn forward(&self, int8: &Int8, x: &[f32], rows: usize, s: &mut Int8Scratch, y: &mut Vec<f32>) {
        let Int8Scratch { q, acc, row_scale, row_zero, float } = s;
        q.resize(rows * self.n_in, 0);
        row_scale.resize(rows, 0.0);
        row_zero.resize(rows, 0);
        for (((xr, qr), s), z) in x
            .chunks_exact(self.n_in)
            .zip(q.chunks_exact_mut(self.n_in))
            .zip(row_scale.iter_mut())
            .zip(row_zero.iter_mut())
        {
            // The range always holds zero, so zero is exact.
            let (lo, hi) = range(xr);
            let step = if hi > lo { (hi - lo) / LEVELS } else { 1.0 };
            let inv = 1.0 / step;
            // Rounded by adding ROUNDER, which leaves the whole number in
            // the low mantissa bits: `f32::round` is a library call on
            // baseline x86-64 and a float-to-integer cast checks for
            // overflow, and either kept this loop from vectorising. The
            // clamps are comparisons (`f32::clamp` also handles NaN, which
            // the encoder never makes).
            let zp = ((-lo * inv + ROUNDER) - ROUNDER).min(LEVELS);
            for (qv, &v) in qr.iter_mut().zip(xr) {
                let f = v * inv + zp;
                let f = if f < 0.0 { 0.0 } else { f };
                let f = if f > LEVELS { LEVELS } else { f };
                *qv = (f + ROUNDER).to_bits() as u8;
            }
            *s = step;
            *z = zp as u8;
        }
        acc.resize(rows * self.n_out, 0);
        int8.product(acc, q, rows, self.n_in, &self.w, float);
        // Every element is written below: no need to clear.
        y.resize(rows * self.n_out, 0.0);
        for (((yr, accr), &s), &z) in
            y.chunks_exact_mut(self.n_out).zip(acc.chunks_exact(self.n_out)).zip(row_scale.iter()).zip(row_zero.iter())
        {
            let z = i32::from(z);
            for i in 0..self.n_out {
                yr[i] = (accr[i] - z * self.col_sum[i]) as f32 * s * self.scale[i] + self.b[i];
            }
        }
    }
}

/// Buffers for one int8 product, kept between calls.
#[derive(Default)]
struct Int8Scratch {
    q: Vec<u8>,
    acc: Vec<i32>,
    row_scale: Vec<f32>,
    row_zero: Vec<u8>,
    float: FloatScratch,
}

/// Buffers for the float kernel (see [`Int8`]): the activations as floats
/// and one block's product.
#[derive(Default)]
struct FloatScratch {
    a: Vec<f32>,
    out: Vec<f32>,
}

/// Buffers for a batch's forward pass, kept from batch to batch: allocated
/// afresh, the megabyte-sized ones went back to the kernel on every free and
/// faulted in again, a tenth of the encoder's time.
#[derive(Default)]
pub struct Scratch {
    int8: Int8Scratch,
    x: Vec<f32>,
    qkv: Vec<f32>,
    ctx: Vec<f32>,
    tmp: Vec<f32>,
    inter: Vec<f32>,
}

struct LayerNorm {
    gamma: Vec<f32>,
    beta: Vec<f32>,
}

impl LayerNorm {
    #[inline(always)]
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
    /// Query, key and value side by side (`[hidden, 3 hidden]`): one
    /// product, the activations quantized and packed once.
    qkv: Linear,
    attn_out: Linear,
    attn_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    out_norm: LayerNorm,
}

/// The encoder's weights.
pub struct Bert {
    int8: Int8,
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
    let values: Vec<f32> = match t.dtype() {
        safetensors::Dtype::F16 => data.chunks_exact(2).map(|c| f16::from_le_bytes([c[0], c[1]]).to_f32()).collect(),
        safetensors::Dtype::F32 => data.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect(),
        other => return Err(WeightsError(format!("tensor {name}: unsupported dtype {other:?}"))),
    };
    // A weight that is not a number (a corrupted or half-written file)
    // would make every vector NaN and every cosine 0: identical sentences
    // reported as unmatched, with no error.
    if let Some(k) = values.iter().position(|x| !x.is_finite()) {
        return Err(WeightsError(format!("tensor {name}: value {k} is {} (the file is corrupt)", values[k])));
    }
    Ok(values)
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
        let int8 = Int8::new();
        let linear = |prefix: &str, n_in: usize, n_out: usize| -> Result<Linear, WeightsError> {
            let w = tensor(&st, &format!("{prefix}.weight"), &[n_in, n_out])?;
            let b = tensor(&st, &format!("{prefix}.bias"), &[n_out])?;
            Ok(Linear::new(&int8, &w, b, n_in, n_out))
        };
        // Each output column is quantized alone, so the joined layer's
        // columns are exactly the three layers' columns.
        let qkv = |prefix: &str| -> Result<Linear, WeightsError> {
            let mut ws = Vec::with_capacity(3);
            let mut b = Vec::with_capacity(3 * hidden);
            for part in ["query", "key", "value"] {
                ws.push(tensor(&st, &format!("{prefix}.{part}.weight"), &[hidden, hidden])?);
                b.extend(tensor(&st, &format!("{prefix}.{part}.bias"), &[hidden])?);
            }
            // Row by row, the three layers' rows side by side.
            let mut w = Vec::with_capacity(3 * hidden * hidden);
            for row in 0..hidden {
                for wp in &ws {
                    w.extend_from_slice(&wp[row * hidden..(row + 1) * hidden]);
                }
            }
            Ok(Linear::new(&int8, &w, b, hidden, 3 * hidden))
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
                qkv: qkv(&format!("{p}.attention.self"))?,
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
            int8,
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
    pub fn embed_batch(&self, seqs: &[Vec<u32>], scratch: &mut Scratch) -> Vec<f32> {
        let h = self.hidden;
        let seqs: Vec<&[u32]> = seqs.iter().map(|s| &s[..s.len().min(self.max_positions)]).collect();
        let rows: usize = seqs.iter().map(|s| s.len()).sum();
        let mut x = std::mem::take(&mut scratch.x);
        x.clear();
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
            layer_forward(&self.int8, self.heads, layer, &mut x, &seqs, rows, scratch);
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
        scratch.x = x;
        res
    }
}

/// One encoder layer over a packed batch `x` (`rows` tokens, `seqs` in
/// order). Compiled once per instruction set below and chosen at run time:
/// the element-wise work (attention, norms, GELU, int8 conversion; the
/// helpers are inlined into it) runs four times wider with AVX2 or AVX-512
/// than with the baseline x86-64 the binary is built for.
#[multiversion::multiversion(targets("x86_64+avx512f+avx512bw+avx512vl+avx2+fma", "x86_64+avx2+fma"))]
fn layer_forward(
    int8: &Int8,
    heads: usize,
    layer: &Layer,
    x: &mut [f32],
    seqs: &[&[u32]],
    rows: usize,
    scratch: &mut Scratch,
) {
    let Scratch { int8: lin, qkv, ctx, tmp, inter, .. } = scratch;
    let h = x.len() / rows.max(1);
    layer.qkv.forward(int8, x, rows, lin, qkv);
    // Row `r`'s query, key and value start at `r * w`, `+ h` and `+ 2 h`.
    let w = 3 * h;
    // Every element is written below: no need to clear.
    ctx.resize(rows * h, 0.0);
    let d = h / heads;
    let scale = 1.0 / (d as f32).sqrt();
    let (mut scores, mut kt, mut vh) = (Vec::new(), Vec::new(), Vec::new());
    let mut start = 0;
    for seq in seqs {
        let n = seq.len();
        // Keys padded to whole lanes; the padding's scores are never read.
        let width = n.div_ceil(LANES) * LANES;
        scores.clear();
        scores.resize(ROWS * width, 0.0f32);
        for head in 0..heads {
            let off = head * d;
            // This head's keys transposed (`[d, width]`), so that a query's
            // scores are built a dimension at a time over lanes of keys (no
            // horizontal sums), and its values (`[n, d]`) contiguous.
            kt.clear();
            kt.resize(d * width, 0.0f32);
            vh.clear();
            for (j, r) in (start..start + n).enumerate() {
                for (c, &kv) in qkv[r * w + h + off..r * w + h + off + d].iter().enumerate() {
                    kt[c * width + j] = kv;
                }
                vh.extend_from_slice(&qkv[r * w + 2 * h + off..r * w + 2 * h + off + d]);
            }
            // Queries in groups of up to ROWS, so that each loaded lane of
            // keys or values serves several independent sums.
            let mut i = 0;
            while i < n {
                let m = ROWS.min(n - i);
                let qs: [&[f32]; ROWS] = std::array::from_fn(|r| {
                    let row = start + i + r.min(m - 1);
                    &qkv[row * w + off..row * w + off + d]
                });
                for b in 0..width / LANES {
                    let mut acc = [[0.0f32; LANES]; ROWS];
                    for c in 0..d {
                        let kc = &kt[c * width + b * LANES..c * width + (b + 1) * LANES];
                        for r in 0..ROWS {
                            let qc = qs[r][c];
                            for l in 0..LANES {
                                acc[r][l] += qc * kc[l];
                            }
                        }
                    }
                    for (r, a) in acc.iter().enumerate().take(m) {
                        for l in 0..LANES {
                            scores[r * width + b * LANES + l] = a[l] * scale;
                        }
                    }
                }
                for row in scores.chunks_exact_mut(width).take(m) {
                    softmax(row, n);
                }
                // The context a lane of dimensions at a time, summed in
                // registers over the keys.
                let mut c0 = 0;
                while c0 + LANES <= d {
                    let mut acc = [[0.0f32; LANES]; ROWS];
                    for (j, vj) in vh.chunks_exact(d).enumerate() {
                        let vj = &vj[c0..c0 + LANES];
                        for r in 0..ROWS {
                            let pj = scores[r.min(m - 1) * width + j];
                            for l in 0..LANES {
                                acc[r][l] += pj * vj[l];
                            }
                        }
                    }
                    for (r, a) in acc.iter().enumerate().take(m) {
                        let row = start + i + r;
                        ctx[row * h + off + c0..row * h + off + c0 + LANES].copy_from_slice(a);
                    }
                    c0 += LANES;
                }
                for r in 0..m {
                    let row = start + i + r;
                    let p = &scores[r * width..r * width + n];
                    for c in c0..d {
                        ctx[row * h + off + c] = p.iter().zip(vh.chunks_exact(d)).map(|(&pj, vj)| pj * vj[c]).sum();
                    }
                }
                i += m;
            }
        }
        start += n;
    }
    layer.attn_out.forward(int8, ctx, rows, lin, tmp);
    for (a, b) in x.iter_mut().zip(tmp.iter()) {
        *a += b;
    }
    layer.attn_norm.apply(x);
    layer.intermediate.forward(int8, x, rows, lin, inter);
    for v in inter.iter_mut() {
        *v = gelu(*v);
    }
    layer.output.forward(int8, inter, rows, lin, tmp);
    for (a, b) in x.iter_mut().zip(tmp.iter()) {
        *a += b;
    }
    layer.out_norm.apply(x);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On either kernel, an int8 product is the exact integer product, so
    /// vectors do not depend on the CPU.
    #[test]
    fn int8_products_are_exact_on_either_kernel() {
        // Deeper than two float blocks, and the extremes' worst case: every
        // product 255 x 127 in the first rows (the largest sums a block can
        // reach), then deterministic values over the whole ranges.
        let (rows, n_in, n_out) = (5, 2 * EXACT_DEPTH + 77, 40);
        let q: Vec<u8> =
            (0..rows * n_in).map(|i| if i < 2 * n_in { 255 } else { ((i * 7919 + 13) % 256) as u8 }).collect();
        let w: Vec<i8> = (0..n_in * n_out)
            .map(|i| if i % n_out < 3 { 127 } else { (((i * 104_729 + 7) % 255) as i32 - 127) as i8 })
            .collect();
        let mut want = vec![0i32; rows * n_out];
        for r in 0..rows {
            for k in 0..n_in {
                for c in 0..n_out {
                    want[r * n_out + c] += i32::from(q[r * n_in + k]) * i32::from(w[k * n_out + c]);
                }
            }
        }
        let mut kernels = vec![Int8::Float(GemmExecutor::default())];
        let int8 = GemmExecutor::<u8, i8, i32>::default();
        if !int8.may_saturate() {
            kernels.push(Int8::Int8(int8));
        }
        for kernel in kernels {
            let packed = kernel.pack(&w, n_in, n_out);
            let mut acc = vec![0i32; rows * n_out];
            kernel.product(&mut acc, &q, rows, n_in, &packed, &mut FloatScratch::default());
            assert_eq!(acc, want);
        }
    }
}
