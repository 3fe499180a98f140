//! Test-only SBF program that checks and meters the 128-bit integer libcalls of the registry-only route
//! (`tools/sbf/i128_libcalls.ll`). Its only dependency, `fixed`, is there for the fixed-point benchmark rows.
//!
//! Instruction data (little endian): `op: u8`, then per op:
//! - [`OP_CHECK_RANDOM`] `seed: u64, count: u32, expected: u64`: draws `count` pairs `(n, d)` from
//!   [`PairGen`], computes `n / d`, `n % d` and `n * d` (wrapping), checks `q * d + r == n` and `r < d`, and
//!   compares a digest of all results with `expected`, which the host computed with its own `u128`.
//! - [`OP_CHECK_PAIRS`] `k` records of `n: u128, d: u128, q: u128, r: u128`: each must match exactly.
//! - [`OP_BENCH_DIV`] / [`OP_BENCH_MUL`] / [`OP_BENCH_DIV64`] / [`OP_BENCH_FIXED_DIV`] / [`OP_BENCH_FIXED_MUL`]
//!   `n: u128, d: u128, count: u32`: `count` black-boxed operations (u128, u64, or `fixed` I80F48 on the raw
//!   bits `n` and `d`), so a host can meter one operation as (CU(count) - CU(0)) / count.
//!
//! Errors are returned as custom program errors: [`ERR_BAD_DATA`], [`ERR_IDENTITY`], [`ERR_DIGEST`],
//! [`ERR_PAIR_MISMATCH`], [`ERR_DIV_BY_ZERO`].

pub const OP_CHECK_RANDOM: u8 = 0;
pub const OP_CHECK_PAIRS: u8 = 1;
pub const OP_BENCH_DIV: u8 = 2;
pub const OP_BENCH_MUL: u8 = 3;
pub const OP_BENCH_DIV64: u8 = 4;
pub const OP_BENCH_FIXED_DIV: u8 = 5;
pub const OP_BENCH_FIXED_MUL: u8 = 6;

pub const ERR_BAD_DATA: u64 = 1;
pub const ERR_IDENTITY: u64 = 2;
pub const ERR_DIGEST: u64 = 3;
pub const ERR_PAIR_MISMATCH: u64 = 4;
pub const ERR_DIV_BY_ZERO: u64 = 5;

/// xorshift64 pairs whose operands have uniformly random bit lengths (0..=128), so that every path of the
/// division is exercised: divisor below and above 2^64, quotient words zero and non-zero, normalization
/// shifts of 0..63.
pub struct PairGen(u64);

impl PairGen {
    pub fn new(seed: u64) -> Self {
        PairGen(seed | 1)
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn operand(&mut self) -> u128 {
        let v = (u128::from(self.next_u64()) << 64) | u128::from(self.next_u64());
        let bits = (self.next_u64() % 129) as u32;
        if bits == 128 {
            v
        } else {
            v & ((1u128 << bits) - 1)
        }
    }

    /// The next pair with a non-zero divisor.
    pub fn next_pair(&mut self) -> (u128, u128) {
        loop {
            let n = self.operand();
            let d = self.operand();
            if d != 0 {
                return (n, d);
            }
        }
    }
}

/// Order-sensitive digest of (quotient, remainder, wrapping product) triples.
pub fn digest_step(acc: u64, q: u128, r: u128, p: u128) -> u64 {
    let fold = |x: u128| (x as u64) ^ ((x >> 64) as u64).rotate_left(17);
    (acc.rotate_left(5) ^ fold(q))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(fold(r).rotate_left(29) ^ fold(p))
}

/// The host-side reference for [`OP_CHECK_RANDOM`].
pub fn reference_digest(seed: u64, count: u32) -> u64 {
    let mut g = PairGen::new(seed);
    let mut acc = 0u64;
    for _ in 0..count {
        let (n, d) = g.next_pair();
        acc = digest_step(acc, n / d, n % d, n.wrapping_mul(d));
    }
    acc
}

fn read_u32(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(at..at + 4)?.try_into().ok()?))
}
fn read_u64(d: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(d.get(at..at + 8)?.try_into().ok()?))
}
fn read_u128(d: &[u8], at: usize) -> Option<u128> {
    Some(u128::from_le_bytes(d.get(at..at + 16)?.try_into().ok()?))
}

/// Runs one instruction; `Err` carries the custom error code.
pub fn process(data: &[u8]) -> Result<(), u64> {
    let op = *data.first().ok_or(ERR_BAD_DATA)?;
    match op {
        OP_CHECK_RANDOM => {
            let seed = read_u64(data, 1).ok_or(ERR_BAD_DATA)?;
            let count = read_u32(data, 9).ok_or(ERR_BAD_DATA)?;
            let expected = read_u64(data, 13).ok_or(ERR_BAD_DATA)?;
            let mut g = PairGen::new(seed);
            let mut acc = 0u64;
            for _ in 0..count {
                let (n, d) = g.next_pair();
                let (n, d) = core::hint::black_box((n, d));
                let q = n / d;
                let r = n % d;
                let back = q.checked_mul(d).and_then(|x| x.checked_add(r));
                if back != Some(n) || r >= d {
                    return Err(ERR_IDENTITY);
                }
                acc = digest_step(acc, q, r, n.wrapping_mul(d));
            }
            if acc == expected {
                Ok(())
            } else {
                Err(ERR_DIGEST)
            }
        }
        OP_CHECK_PAIRS => {
            let records = data.get(1..).ok_or(ERR_BAD_DATA)?;
            if records.len() % 64 != 0 {
                return Err(ERR_BAD_DATA);
            }
            for rec in records.chunks_exact(64) {
                let n = read_u128(rec, 0).ok_or(ERR_BAD_DATA)?;
                let d = read_u128(rec, 16).ok_or(ERR_BAD_DATA)?;
                let q = read_u128(rec, 32).ok_or(ERR_BAD_DATA)?;
                let r = read_u128(rec, 48).ok_or(ERR_BAD_DATA)?;
                let (n, d) = core::hint::black_box((n, d));
                if d == 0 {
                    return Err(ERR_DIV_BY_ZERO);
                }
                if n / d != q || n % d != r {
                    return Err(ERR_PAIR_MISMATCH);
                }
            }
            Ok(())
        }
        OP_BENCH_DIV | OP_BENCH_MUL | OP_BENCH_DIV64 | OP_BENCH_FIXED_DIV | OP_BENCH_FIXED_MUL => {
            let n = read_u128(data, 1).ok_or(ERR_BAD_DATA)?;
            let d = read_u128(data, 17).ok_or(ERR_BAD_DATA)?;
            let count = read_u32(data, 33).ok_or(ERR_BAD_DATA)?;
            if d == 0 {
                return Err(ERR_DIV_BY_ZERO);
            }
            let (n64, d64) = (n as u64, (d as u64).max(1));
            let (fa, fb) = (
                fixed::types::I80F48::from_bits(n as i128),
                fixed::types::I80F48::from_bits(d as i128),
            );
            for _ in 0..count {
                match op {
                    OP_BENCH_DIV => {
                        core::hint::black_box(core::hint::black_box(n) / core::hint::black_box(d));
                    }
                    OP_BENCH_MUL => {
                        core::hint::black_box(
                            core::hint::black_box(n).checked_mul(core::hint::black_box(d)),
                        );
                    }
                    OP_BENCH_FIXED_DIV => {
                        core::hint::black_box(
                            core::hint::black_box(fa).checked_div(core::hint::black_box(fb)),
                        );
                    }
                    OP_BENCH_FIXED_MUL => {
                        core::hint::black_box(
                            core::hint::black_box(fa).checked_mul(core::hint::black_box(fb)),
                        );
                    }
                    _ => {
                        core::hint::black_box(
                            core::hint::black_box(n64) / core::hint::black_box(d64),
                        );
                    }
                }
            }
            Ok(())
        }
        _ => Err(ERR_BAD_DATA),
    }
}

/// The SBF entrypoint. The serialized input of an instruction with no accounts is
/// `num_accounts: u64 (= 0)`, `data_len: u64`, `data`, `program_id: [u8; 32]`.
///
/// # Safety
/// Called by the runtime with its input buffer.
#[cfg(target_os = "solana")]
#[no_mangle]
pub unsafe extern "C" fn entrypoint(input: *mut u8) -> u64 {
    let num_accounts = core::ptr::read_unaligned(input as *const u64);
    if num_accounts != 0 {
        return ERR_BAD_DATA;
    }
    let len = core::ptr::read_unaligned(input.add(8) as *const u64) as usize;
    let data = core::slice::from_raw_parts(input.add(16), len);
    match process(data) {
        Ok(()) => 0,
        Err(code) => code,
    }
}

#[cfg(all(target_arch = "bpf", target_os = "solana"))]
use solana_compiler_builtins as _;
