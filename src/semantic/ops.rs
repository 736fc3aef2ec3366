//! The encoder's element-wise arithmetic: `exp`, GELU, softmax, sums,
//! dot products and ranges, written so that the compiler vectorises them
//! (no library calls, no float-to-integer casts, sums in fixed lanes) and
//! so that every instruction set computes the same floats in the same
//! order. A leaf: `bert` inlines these into its per-CPU layer code.

/// Floats a vector loop handles at once in attention (one AVX-512
/// register, two AVX2 ones).
pub(super) const LANES: usize = 16;

/// The smallest and largest of `x` and zero. Compared as integers whose
/// order is the floats' order (flip the magnitude bits of negatives), since
/// integer min and max vectorise and float ones (with their NaN rules) do
/// not; exact either way.
#[inline(always)]
pub(super) fn range(x: &[f32]) -> (f32, f32) {
    #[inline(always)]
    fn key(v: f32) -> i32 {
        let b = v.to_bits() as i32;
        b ^ (((b >> 31) as u32) >> 1) as i32
    }
    let (lo, hi) = x.iter().fold((0i32, 0i32), |(lo, hi), &v| (lo.min(key(v)), hi.max(key(v))));
    // The key is its own inverse.
    (f32::from_bits(key(f32::from_bits(lo as u32)) as u32), f32::from_bits(key(f32::from_bits(hi as u32)) as u32))
}

/// BERT's GELU, `x Phi(x)`, with erf by Abramowitz and Stegun 7.1.26
/// (absolute error below 1.5e-7, far under the float16 weights' own), which
/// unlike a library erf is a few multiplications and one `exp`.
#[inline(always)]
pub(super) fn gelu(x: f32) -> f32 {
    let z = (x * std::f32::consts::FRAC_1_SQRT_2).abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t * (0.254_829_6 + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152_1 + t * 1.061_405_4))));
    let erf = 1.0 - poly * exp(-z * z);
    0.5 * x * (1.0 + erf.copysign(x))
}

/// `e^x` in plain arithmetic (no library call and no float-to-integer
/// conversion, so the loops that use it vectorise): `x = n ln 2 + r` with
/// `|r| <= ln 2 / 2`, `e^r` by its Taylor polynomial to the seventh power
/// (relative error under 2e-7 over the range, below float32's own rounding
/// of the inputs), `2^n` built in the exponent bits. Inputs are clamped to
/// -87 (`e^-87` is 1.6e-38, nothing next to the values it is added to).
/// The encoder passes no NaN and nothing above 0 whose result it keeps
/// (softmax's padding may exceed it, and is zeroed after).
#[inline(always)]
pub(super) fn exp(x: f32) -> f32 {
    let x = if x < -87.0 { -87.0 } else { x };
    // Adding 1.5 x 2^23 rounds to a whole number (to nearest) and leaves
    // it in the low bits of the mantissa.
    let t = x * std::f32::consts::LOG2_E + ROUNDER;
    let n = t - ROUNDER;
    let ni = (t.to_bits() as i32).wrapping_sub(ROUNDER.to_bits() as i32);
    // ln 2 in two parts, so that `n ln 2` is exact in the first.
    let r = x - n * 0.693_359_4 - n * -2.121_944_4e-4;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    p * f32::from_bits(((ni + 127) << 23) as u32)
}

/// 1.5 x 2^23: a float this size has no fraction bits, so adding it rounds.
pub(super) const ROUNDER: f32 = 12_582_912.0;

#[inline(always)]
pub(super) fn softmax(row: &mut [f32], n: usize) {
    let max = row[..n].iter().fold(f32::NEG_INFINITY, |m, &v| if v > m { v } else { m });
    // A whole number of lanes (`row` is padded), so that no element is
    // left to a scalar loop; the padding is zeroed after.
    for lane in row.chunks_exact_mut(LANES) {
        for v in lane.iter_mut() {
            *v = exp(*v - max);
        }
    }
    row[n..].fill(0.0);
    let inv = 1.0 / sum(row);
    for v in row[..n].iter_mut() {
        *v *= inv;
    }
}

/// The dot product, in eight lanes so that it vectorises (a plain
/// floating-point `sum` must add in order, one element at a time).
#[inline(always)]
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

#[inline(always)]
pub(super) fn sum(a: &[f32]) -> f32 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_is_the_library_exp_to_float_precision() {
        let mut x = -87.0f32;
        while x <= 0.0 {
            let (got, want) = (exp(x), x.exp());
            assert!(((got - want) / want).abs() < 3e-7, "exp({x}) = {got}, library {want}");
            x += 0.013;
        }
    }

    #[test]
    fn range_is_the_smallest_and_largest_with_zero() {
        let x: Vec<f32> = (0..100).map(|i| ((i * 37 % 101) as f32 - 40.5) * 0.37).collect();
        let lo = x.iter().fold(0.0f32, |a, &b| a.min(b));
        let hi = x.iter().fold(0.0f32, |a, &b| a.max(b));
        assert_eq!(range(&x), (lo, hi));
        assert_eq!(range(&[2.0, 3.5]), (0.0, 3.5));
        assert_eq!(range(&[-2.0, -0.25]), (-2.0, 0.0));
        assert_eq!(range(&[]), (0.0, 0.0));
    }

    #[test]
    fn softmax_ignores_the_padding() {
        let mut row = vec![0.0f32; 2 * LANES];
        row[..3].copy_from_slice(&[1.0, 2.0, 3.0]);
        row[3..].fill(50.0);
        softmax(&mut row, 3);
        let e = [1.0f32.exp(), 2.0f32.exp(), 3.0f32.exp()];
        let total: f32 = e.iter().sum();
        for (got, want) in row.iter().zip(e) {
            assert!((got - want / total).abs() < 1e-6);
        }
        assert!(row[3..].iter().all(|&v| v == 0.0));
    }

    #[test]
    fn gelu_matches_the_erf_form() {
        // Reference values of x * Phi(x).
        for (x, want) in
            [(-3.0f32, -0.004_049_7), (-1.0, -0.158_655_25), (0.0, 0.0), (0.5, 0.345_731_3), (2.0, 1.954_5)]
        {
            assert!((gelu(x) - want).abs() < 1e-4, "gelu({x}) = {}", gelu(x));
        }
    }
}
