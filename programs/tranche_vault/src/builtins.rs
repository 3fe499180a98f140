//! `memcmp` and `bcmp`, the byte comparisons behind `==` and `cmp` on keys and other arrays, for the registry SBF
//! route (`tools/sbf/build-program.sh`, `target_arch = "bpf"`), which links with LLVM's inline expansion of
//! comparisons turned off (`-max-loads-per-memcmp=0`): inline, each 32-byte key comparison was about 16
//! instructions, 23 KB over the program's comparisons (README, "Program size"). `solana-compiler-builtins`'
//! (weak) versions compare eight bytes a loop turn; these compare a key in four straight-line word comparisons.

/// The unaligned little-endian word at `p + i`.
///
/// # Safety
/// `p + i .. p + i + 8` must be readable.
unsafe fn word(p: *const u8, i: usize) -> u64 {
    // SAFETY: the caller's contract; SBF allows unaligned reads.
    unsafe { p.add(i).cast::<u64>().read_unaligned() }
}

/// The difference of the first unequal bytes of `a` and `b` from `i` (below `n`), or 0.
///
/// # Safety
/// `a` and `b` must be readable for `n` bytes.
unsafe fn bytes_from(a: *const u8, b: *const u8, mut i: usize, n: usize) -> i32 {
    while i < n {
        // SAFETY: `i < n`.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return i32::from(x) - i32::from(y);
        }
        i += 1;
    }
    0
}

/// The order of the first unequal bytes of the unequal words `x` and `y` read at the same offset: the lowest
/// address is the least significant byte, so the byte-swapped words compare as the bytes do.
fn order(x: u64, y: u64) -> i32 {
    if x.swap_bytes() < y.swap_bytes() {
        -1
    } else {
        1
    }
}

/// C's `memcmp`: negative, zero or positive as the first unequal byte of `a` is below, equal to or above `b`'s.
/// A key (32 bytes) is four word comparisons, unrolled, that stop at the first unequal word.
///
/// # Safety
/// `a` and `b` must be valid for reads of `n` bytes.
#[cfg_attr(target_arch = "bpf", no_mangle)]
#[inline(never)]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    if n == 32 {
        for i in [0, 8, 16, 24] {
            // SAFETY: `i + 8 <= 32`.
            let (x, y) = unsafe { (word(a, i), word(b, i)) };
            if x != y {
                return order(x, y);
            }
        }
        return 0;
    }
    let mut i = 0;
    while i + 8 <= n {
        // SAFETY: `i + 8 <= n`.
        let (x, y) = unsafe { (word(a, i), word(b, i)) };
        if x != y {
            return order(x, y);
        }
        i += 8;
    }
    // SAFETY: the caller's contract.
    unsafe { bytes_from(a, b, i, n) }
}

/// C's `bcmp`: zero when the `n` bytes at `a` and `b` are equal, non-zero otherwise.
///
/// # Safety
/// `a` and `b` must be valid for reads of `n` bytes.
#[cfg_attr(target_arch = "bpf", no_mangle)]
#[inline(never)]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: the caller's contract.
    unsafe { memcmp(a, b, n) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Two byte strings of one length (0 to 80, keys' 32 often) that agree up to a random point.
    fn pair() -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
        (prop_oneof![Just(32usize), 0usize..80], any::<u64>()).prop_flat_map(|(n, _)| {
            (
                proptest::collection::vec(any::<u8>(), n),
                0..=n,
                proptest::collection::vec(any::<u8>(), n),
            )
                .prop_map(|(a, keep, tail)| {
                    let mut b = a.clone();
                    b[keep..].copy_from_slice(&tail[keep..]);
                    (a, b)
                })
        })
    }

    proptest! {
        #[test]
        fn memcmp_and_bcmp_order_and_compare_as_slices_do((a, b) in pair()) {
            // SAFETY: both are `a.len()` bytes long.
            let (m, e) = unsafe { (memcmp(a.as_ptr(), b.as_ptr(), a.len()), bcmp(a.as_ptr(), b.as_ptr(), a.len())) };
            prop_assert_eq!(m.cmp(&0), a.cmp(&b));
            prop_assert_eq!(e == 0, a == b);
        }
    }
}
