//! The fixed-point type and its named-rounding operations.
//!
//! Every NAV, debt, fee and index is a [`Sf`]: `fixed`'s `U68F60` (the type klend stores as `_sf`), so the
//! resolution is 2^-60 ≈ 8.7e-19 of a native unit and the range is 2^68 ≈ 2.9e20 native units. Conversions to
//! token amounts name their rounding (`_floor` / `_ceil`), and every caller picks the one that favours the pool.
//!
//! `x · num / den` is computed exactly, whatever the size of `x`: the 192-bit product is divided limb by limb
//! with two u128 ÷ u64 divisions, which the i128 shim does in ~150 CU each; a divisor below 2^32 (bps,
//! 10^decimals up to 9) takes 32-bit limbs and native u64 arithmetic only.

use crate::prelude::*;
use fixed::types::U68F60;

use crate::errors::VaultError;

/// Unsigned fixed point with 60 fractional bits. Stored in accounts as [`PodSf`].
pub type Sf = U68F60;

const FRAC_BITS: u32 = 60;
const FRAC_MASK: u128 = (1u128 << FRAC_BITS) - 1;

/// An [`Sf`] stored in a zero-copy account: two little-endian u64 limbs, 8-byte aligned on every target
/// (a `u128` field is 16-aligned on x86-64 but 8-aligned on SBF, so it would change the layout).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub struct PodSf {
    pub limbs: [u64; 2],
}

// SAFETY: `repr(C)`, two `u64`s, no padding: every bit pattern is a valid value.
unsafe impl bytemuck::Zeroable for PodSf {}
// SAFETY: as above.
unsafe impl bytemuck::Pod for PodSf {}

impl PodSf {
    pub fn get(&self) -> Sf {
        Sf::from_bits(u128::from(self.limbs[0]) | (u128::from(self.limbs[1]) << 64))
    }

    pub fn set(&mut self, v: Sf) {
        let b = v.to_bits();
        self.limbs = [b as u64, (b >> 64) as u64];
    }

    pub fn from_sf(v: Sf) -> Self {
        let mut p = PodSf::default();
        p.set(v);
        p
    }
}

#[track_caller]
fn overflow() -> Error {
    error!(VaultError::MathOverflow)
}

/// `n` native units, exactly.
pub fn from_native(n: u64) -> Sf {
    Sf::from_bits(u128::from(n) << FRAC_BITS)
}

/// Whole native units, rounded down (payouts, shares minted).
pub fn to_native_floor(x: Sf) -> Result<u64> {
    u64::try_from(x.to_bits() >> FRAC_BITS).map_err(|_| overflow())
}

/// Whole native units, rounded up (amounts owed, shares burned).
pub fn to_native_ceil(x: Sf) -> Result<u64> {
    let b = x.to_bits();
    let whole = (b >> FRAC_BITS) + u128::from(b & FRAC_MASK != 0);
    u64::try_from(whole).map_err(|_| overflow())
}

pub fn add(a: Sf, b: Sf) -> Result<Sf> {
    a.checked_add(b).ok_or_else(overflow)
}

pub fn sub(a: Sf, b: Sf) -> Result<Sf> {
    a.checked_sub(b).ok_or_else(overflow)
}

/// `a · b`, rounded down, as `fixed`'s `checked_mul` (which truncates the wide product), in 32-bit limbs with
/// native u64 products: the 256-bit product by schoolbook multiplication, then its bits 60..188 (`MathOverflow`
/// when any higher bit is set). The debt (`Vault::debt`) is one, in every accrual and invariant.
pub fn mul_floor(a: Sf, b: Sf) -> Result<Sf> {
    let p = mul_limbs(limbs(a.to_bits()), &limbs(b.to_bits()));
    let (lo, hi) = (
        join([p[0], p[1], p[2], p[3]]),
        join([p[4], p[5], p[6], p[7]]),
    );
    if hi >> FRAC_BITS != 0 {
        return Err(overflow());
    }
    Ok(Sf::from_bits((lo >> FRAC_BITS) | (hi << (128 - FRAC_BITS))))
}

const LIMB: u64 = u32::MAX as u64;

/// The little-endian 32-bit limbs of `v`.
#[inline(always)]
fn limbs(v: u128) -> [u64; 4] {
    [
        v as u64 & LIMB,
        (v >> 32) as u64 & LIMB,
        (v >> 64) as u64 & LIMB,
        (v >> 96) as u64,
    ]
}

/// The u128 of four little-endian 32-bit limbs.
#[inline(always)]
fn join(l: [u64; 4]) -> u128 {
    u128::from(l[0])
        | (u128::from(l[1]) << 32)
        | (u128::from(l[2]) << 64)
        | (u128::from(l[3]) << 96)
}

/// The little-endian 32-bit limbs of `x · y`, `y` in up to four limbs (the limbs from `4 + y.len()` up are 0), by
/// schoolbook multiplication in native u64: each limb product plus two carries is at most
/// (2^32 − 1)^2 + 2 · (2^32 − 1) = 2^64 − 1. Always inlined, as are `limbs` and `join`: a call (the link step
/// inlines nothing else) with `y`'s length unknown cost 4–11k CU an instruction.
#[inline(always)]
fn mul_limbs(x: [u64; 4], y: &[u64]) -> [u64; 8] {
    let mut p = [0u64; 8];
    for (i, &xi) in x.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &yj) in y.iter().enumerate() {
            let t = xi * yj + p[i + j] + carry;
            p[i + j] = t & LIMB;
            carry = t >> 32;
        }
        p[i + y.len()] = carry;
    }
    p
}

/// `⌊x · num / den⌋` on raw 128-bit values, exact: the product may need 192 bits.
pub fn mul_div_u128_floor(x: u128, num: u64, den: u64) -> Result<u128> {
    Ok(mul_div_u128(x, num, den)?.0)
}

/// `⌈x · num / den⌉` on raw 128-bit values, exact.
pub fn mul_div_u128_ceil(x: u128, num: u64, den: u64) -> Result<u128> {
    let (q, rem) = mul_div_u128(x, num, den)?;
    q.checked_add(u128::from(rem != 0)).ok_or_else(overflow)
}

/// (quotient, remainder) of `x · num / den`.
fn mul_div_u128(x: u128, num: u64, den: u64) -> Result<(u128, u64)> {
    if den == 0 {
        return err!(VaultError::DivisionByZero);
    }
    if den <= u64::from(u32::MAX) {
        return mul_div_by_u32(x, num, den);
    }
    let (num, den) = (u128::from(num), u128::from(den));
    // x · num = c · 2^64 + b0, where c = (x_hi · num) + (x_lo · num)_hi fits in u128.
    let a = (x >> 64) * num;
    let b = (x & u128::from(u64::MAX)) * num;
    let c = a + (b >> 64);
    let b0 = b & u128::from(u64::MAX);
    let q_hi = c / den;
    let r = c - q_hi * den;
    // r < den < 2^64, so (r · 2^64 + b0) < den · 2^64 fits.
    let low = (r << 64) | b0;
    let q_lo = low / den;
    let rem = low - q_lo * den;
    if q_hi >> 64 != 0 {
        return Err(overflow());
    }
    Ok(((q_hi << 64) | q_lo, rem as u64))
}

/// (quotient, remainder) of `x · num / den` for `den` < 2^32 (bps, 10^decimals up to 9), in 32-bit limbs with
/// native u64 arithmetic only, where the general path needs software u128 products and divisions: the 192-bit
/// product by schoolbook multiplication (each limb product plus two carries fits u64), then long division from the
/// top limb (the remainder is below `den`, so `r · 2^32 + limb` fits u64). `MathOverflow` when the quotient exceeds
/// u128.
fn mul_div_by_u32(x: u128, num: u64, den: u64) -> Result<(u128, u64)> {
    // Six limbs: a 128-bit times a 64-bit value.
    let p = mul_limbs(limbs(x), &[num & LIMB, num >> 32]);
    let (mut q, mut r) = ([0u64; 6], 0u64);
    for k in (0..6).rev() {
        let cur = (r << 32) | p[k];
        q[k] = cur / den;
        r = cur % den;
    }
    if q[4] | q[5] != 0 {
        return Err(overflow());
    }
    Ok((join([q[0], q[1], q[2], q[3]]), r))
}

/// `⌊x · num / den⌋`, exact.
pub fn mul_div_floor(x: Sf, num: u64, den: u64) -> Result<Sf> {
    Ok(Sf::from_bits(mul_div_u128_floor(x.to_bits(), num, den)?))
}

/// `⌈x · num / den⌉`, exact.
pub fn mul_div_ceil(x: Sf, num: u64, den: u64) -> Result<Sf> {
    Ok(Sf::from_bits(mul_div_u128_ceil(x.to_bits(), num, den)?))
}

/// `n / d` native units as fixed point, exact, rounded down or (`up`) up: how oracle prices are scaled by
/// `10^-expo`. For `d` < 2^32 (every exponent down to −9) four native u64 divisions: the whole part, then the 60
/// fraction bits in steps of 32 and 28 (each remainder is below `d`, so the shifted remainder fits u64), where the
/// general path takes about four times the compute; larger `d` take [`mul_div_floor`] / [`mul_div_ceil`].
pub fn native_div(n: u64, d: u64, up: bool) -> Result<Sf> {
    if d == 0 {
        return err!(VaultError::DivisionByZero);
    }
    if d > u64::from(u32::MAX) {
        let x = from_native(n);
        return if up {
            mul_div_ceil(x, 1, d)
        } else {
            mul_div_floor(x, 1, d)
        };
    }
    let (whole, r0) = (n / d, n % d);
    let t1 = r0 << 32;
    let (f1, r1) = (t1 / d, t1 % d);
    let t2 = r1 << (FRAC_BITS - 32);
    let (f2, r2) = (t2 / d, t2 % d);
    let bits =
        (u128::from(whole) << FRAC_BITS) | (u128::from(f1) << (FRAC_BITS - 32)) | u128::from(f2);
    // whole < 2^64, so bits < 2^124 and one more cannot overflow.
    Ok(Sf::from_bits(bits + u128::from(up && r2 != 0)))
}

pub fn ratio_floor(num: u64, den: u64) -> Result<Sf> {
    mul_div_floor(Sf::ONE, num, den)
}

/// The 256-bit product `x · y` as (high, low) halves.
pub fn mul_wide(x: u128, y: u128) -> (u128, u128) {
    const M: u128 = u64::MAX as u128;
    let (x1, x0) = (x >> 64, x & M);
    let (y1, y0) = (y >> 64, y & M);
    let (p00, p01, p10, p11) = (x0 * y0, x0 * y1, x1 * y0, x1 * y1);
    // Each term is below 2^64, so the middle column fits in 66 bits.
    let mid = (p00 >> 64) + (p01 & M) + (p10 & M);
    let lo = (p00 & M) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// `x · y / z` on raw 128-bit values, exact, rounded down or (`up`) up: the product may need 256 bits. `None` when
/// the quotient exceeds u128. One u128 division when the product fits 128 bits; otherwise a 128-step
/// shift-and-subtract division of the 256-bit product.
pub fn mul_div_wide(x: u128, y: u128, z: u128, up: bool) -> Result<Option<u128>> {
    if z == 0 {
        return err!(VaultError::DivisionByZero);
    }
    let (hi, lo) = mul_wide(x, y);
    let (q, exact) = if hi == 0 {
        // One division: q · z ≤ lo, so the product fits.
        let q = lo / z;
        (q, q * z == lo)
    } else {
        if hi >= z {
            return Ok(None);
        }
        // Invariant: r < z. Each step brings down one bit of `lo`; a bit shifted out of r means r ≥ 2^128 > z.
        let (mut r, mut q) = (hi, 0u128);
        for i in (0..128).rev() {
            let carry = r >> 127;
            r = (r << 1) | ((lo >> i) & 1);
            q <<= 1;
            if carry == 1 || r >= z {
                r = r.wrapping_sub(z);
                q |= 1;
            }
        }
        (q, r == 0)
    };
    Ok(if up && !exact {
        q.checked_add(1)
    } else {
        Some(q)
    })
}

/// `⌊x · y / z⌋` on raw 128-bit values, exact ([`mul_div_wide`]); `MathOverflow` when it exceeds u128.
pub fn mul_div_wide_floor(x: u128, y: u128, z: u128) -> Result<u128> {
    mul_div_wide(x, y, z, false)?.ok_or_else(overflow)
}

/// `⌊a · b / c⌋` on u64 values through u128 (no overflow for any u64 inputs; the result must fit u64).
pub fn mul_div_u64_floor(a: u64, b: u64, c: u64) -> Result<u64> {
    if c == 0 {
        return err!(VaultError::DivisionByZero);
    }
    u64::try_from(u128::from(a) * u128::from(b) / u128::from(c)).map_err(|_| overflow())
}

#[cfg(test)]
#[allow(clippy::needless_range_loop)] // tests index parallel arrays by tranche
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reference for x · num / den with a 192-bit product built from u128 halves (schoolbook long division).
    pub(crate) fn reference(x: u128, num: u64, den: u64) -> Option<(u128, u64)> {
        let n = u128::from(num);
        let lo = (x & u128::from(u64::MAX)) * n;
        let hi = (x >> 64) * n + (lo >> 64);
        // 192-bit value as three u64 limbs, big-endian: [hi >> 64, hi & MAX, lo & MAX].
        let limbs = [(hi >> 64) as u64, hi as u64, lo as u64];
        let mut q = [0u64; 3];
        let mut r: u128 = 0;
        for i in 0..3 {
            let cur = (r << 64) | u128::from(limbs[i]);
            q[i] = (cur / u128::from(den)) as u64;
            r = cur % u128::from(den);
        }
        if q[0] != 0 {
            return None;
        }
        Some(((u128::from(q[1]) << 64) | u128::from(q[2]), r as u64))
    }

    #[test]
    fn mul_div_edges() {
        assert_eq!(mul_div_u128(u128::MAX, 1, 1).unwrap(), (u128::MAX, 0));
        assert_eq!(
            mul_div_u128(u128::MAX, u64::MAX, u64::MAX).unwrap(),
            (u128::MAX, 0)
        );
        assert!(mul_div_u128(u128::MAX, 2, 1).is_err());
        assert!(mul_div_u128(1, 1, 0).is_err());
        // Both sides of the 32-bit-limb path's bound, at the top of the range.
        for den in [10_000, u64::from(u32::MAX), u64::from(u32::MAX) + 1] {
            assert_eq!(mul_div_u128(u128::MAX, den, den).unwrap(), (u128::MAX, 0));
            assert!(mul_div_u128(u128::MAX, den + 1, den).is_err());
            assert_eq!(
                mul_div_u128(u128::MAX, 1, den),
                reference(u128::MAX, 1, den)
                    .ok_or(())
                    .map_err(|_| overflow())
            );
        }
        assert_eq!(mul_div_u128_ceil(10, 1, 3).unwrap(), 4);
        assert_eq!(mul_div_u128_floor(10, 1, 3).unwrap(), 3);
        assert_eq!(to_native_ceil(Sf::from_bits(1)).unwrap(), 1);
        assert_eq!(to_native_floor(Sf::from_bits((5 << 60) + 7)).unwrap(), 5);
        assert!(to_native_floor(Sf::MAX).is_err());
    }

    #[test]
    fn fixed_mul_truncates() {
        // The smallest fraction squared is below one ulp: `fixed` rounds it down to zero.
        let ulp = Sf::from_bits(1);
        assert_eq!(mul_floor(ulp, ulp).unwrap(), Sf::ZERO);
        let third = ratio_floor(1, 3).unwrap();
        assert!(mul_floor(third, from_native(3)).unwrap() < Sf::ONE);
    }

    /// The 256-bit product as four u64 limbs, most significant first (schoolbook, independent of `mul_wide`).
    pub(crate) fn product_256(x: u128, y: u128) -> [u64; 4] {
        let xs = [x as u64, (x >> 64) as u64];
        let ys = [y as u64, (y >> 64) as u64];
        let mut out = [0u64; 4]; // least significant first while accumulating
        for (i, a) in xs.iter().enumerate() {
            let mut carry = 0u128;
            for (j, b) in ys.iter().enumerate() {
                let cur = u128::from(out[i + j]) + u128::from(*a) * u128::from(*b) + carry;
                out[i + j] = cur as u64;
                carry = cur >> 64;
            }
            let mut k = i + 2;
            while carry > 0 {
                let cur = u128::from(out[k]) + carry;
                out[k] = cur as u64;
                carry = cur >> 64;
                k += 1;
            }
        }
        out.reverse();
        out
    }

    /// `q · z ≤ x · y < (q + 1) · z`, compared on independent 256-bit products.
    pub(crate) fn is_floor_quotient(q: u128, x: u128, y: u128, z: u128) -> bool {
        let num = product_256(x, y);
        let below = product_256(q, z);
        let above = match q.checked_add(1) {
            Some(q1) => product_256(q1, z),
            None => {
                // (2^128) · z: z shifted up two limbs.
                [(z >> 64) as u64, z as u64, 0, 0]
            }
        };
        below <= num && num < above
    }

    #[test]
    fn mul_div_wide_edges() {
        assert_eq!(mul_wide(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
        assert_eq!(
            mul_div_wide_floor(u128::MAX, u128::MAX, u128::MAX).unwrap(),
            u128::MAX
        );
        assert_eq!(mul_div_wide_floor(u128::MAX, 2, u128::MAX).unwrap(), 2);
        assert!(mul_div_wide_floor(u128::MAX, 2, 1).is_err());
        assert!(mul_div_wide_floor(1, 1, 0).is_err());
        assert_eq!(mul_div_wide_floor(7, 3, 2).unwrap(), 10);
        assert_eq!(mul_div_wide(7, 3, 2, true).unwrap(), Some(11));
        assert_eq!(mul_div_wide(8, 3, 2, true).unwrap(), Some(12));
        assert_eq!(
            mul_div_wide(u128::MAX, u128::MAX, u128::MAX, true).unwrap(),
            Some(u128::MAX)
        );
        // A divisor with its top bit set: the shifted remainder carries out of 128 bits.
        let z = (1u128 << 127) + 12_345;
        let q = mul_div_wide_floor(u128::MAX - 3, u128::MAX >> 1, z).unwrap();
        assert!(is_floor_quotient(q, u128::MAX - 3, u128::MAX >> 1, z));
    }

    proptest! {
        #![proptest_config(crate::math::proptest_config(4096))]

        /// `mul_floor` is `fixed`'s truncating `checked_mul`, overflow included, on any two values and on values
        /// near the top of the range.
        #[test]
        fn mul_floor_matches_fixed(a: u128, b: u128, shift in 0u32..128) {
            for (a, b) in [(a, b), (a >> shift, b), (a, b >> shift), (a >> shift, b >> (127 - shift))] {
                let (a, b) = (Sf::from_bits(a), Sf::from_bits(b));
                prop_assert_eq!(mul_floor(a, b).ok(), a.checked_mul(b));
            }
        }

        /// `native_div` is `n · 2^60 / d` rounded down or up, exactly as the general path computes it, on both
        /// sides of its 2^32 bound (powers of ten and any divisor).
        #[test]
        fn native_div_matches_mul_div(n: u64, d in prop_oneof![1u64..=u64::from(u32::MAX), 1u64.., (0u32..=19).prop_map(|e| 10u64.pow(e))]) {
            let x = from_native(n);
            prop_assert_eq!(native_div(n, d, false).unwrap(), mul_div_floor(x, 1, d).unwrap());
            prop_assert_eq!(native_div(n, d, true).unwrap(), mul_div_ceil(x, 1, d).unwrap());
        }

        /// `mul_div_wide_floor` is the exact floor whenever the quotient fits u128, and refuses exactly when it
        /// does not.
        #[test]
        fn mul_div_wide_matches_reference(x: u128, y: u128, z in 1u128..) {
            let fits = {
                // quotient ≤ u128::MAX ⟺ x · y < 2^128 · z.
                let num = product_256(x, y);
                num < [(z >> 64) as u64, z as u64, 0, 0]
            };
            match mul_div_wide_floor(x, y, z) {
                Ok(q) => {
                    prop_assert!(fits);
                    prop_assert!(is_floor_quotient(q, x, y, z));
                    // Rounded up: the same, plus one unless the division is exact.
                    let exact = product_256(q, z) == product_256(x, y);
                    let up = mul_div_wide(x, y, z, true).unwrap();
                    prop_assert_eq!(up, q.checked_add(u128::from(!exact)));
                }
                Err(e) => {
                    prop_assert!(!fits);
                    prop_assert_eq!(e, error!(VaultError::MathOverflow));
                    prop_assert_eq!(mul_div_wide(x, y, z, true).unwrap(), None);
                }
            }
        }

        /// The same on the shapes pricing uses: a value, a power of ten, a price.
        #[test]
        fn mul_div_wide_pricing_shapes(x in 0u128..(1u128 << 100), dec in 0u32..=18, z in 1u128..(1u128 << 100)) {
            let y = 10u128.pow(dec);
            let q = mul_div_wide_floor(x, y, z).unwrap();
            prop_assert!(is_floor_quotient(q, x, y, z));
        }

        #[test]
        fn mul_div_matches_reference(x: u128, num: u64, den in 1u64..) {
            let want = reference(x, num, den);
            match mul_div_u128(x, num, den) {
                Ok(got) => prop_assert_eq!(Some(got), want),
                Err(_) => prop_assert_eq!(want, None),
            }
        }

        /// The same for divisors below 2^32 (bps, 10^decimals up to 9), which take the 32-bit-limb path; `x` near
        /// the top as often as not, so the overflow boundary is crossed both ways.
        #[test]
        fn mul_div_small_divisor_matches_reference(
            x in prop_oneof![any::<u128>(), (u128::MAX >> 20)..],
            num: u64,
            den in 1u64..=u64::from(u32::MAX),
        ) {
            let want = reference(x, num, den);
            match mul_div_u128(x, num, den) {
                Ok(got) => prop_assert_eq!(Some(got), want),
                Err(e) => {
                    prop_assert_eq!(want, None);
                    prop_assert_eq!(e, error!(VaultError::MathOverflow));
                }
            }
        }

        #[test]
        fn mul_div_small_operands(x in 0u128..(1u128 << 64), num: u64, den in 1u64..) {
            // With x < 2^64 the product fits u128, so plain u128 arithmetic is the reference.
            let p = x * u128::from(num);
            prop_assert_eq!(mul_div_u128_floor(x, num, den).unwrap(), p / u128::from(den));
            prop_assert_eq!(mul_div_u128_ceil(x, num, den).unwrap(), p.div_ceil(u128::from(den)));
        }

        #[test]
        fn native_round_trip(n: u64, frac in 0u128..(1u128 << 60)) {
            prop_assert_eq!(to_native_floor(from_native(n)).unwrap(), n);
            prop_assert_eq!(to_native_ceil(from_native(n)).unwrap(), n);
            let x = Sf::from_bits((u128::from(n) << 60) | frac);
            prop_assert_eq!(to_native_floor(x).unwrap(), n);
            if frac > 0 && n < u64::MAX {
                prop_assert_eq!(to_native_ceil(x).unwrap(), n + 1);
            }
        }

        #[test]
        fn pod_round_trip(bits: u128) {
            let v = Sf::from_bits(bits);
            prop_assert_eq!(PodSf::from_sf(v).get(), v);
        }
    }
}
