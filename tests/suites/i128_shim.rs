//! The registry-only route's 128-bit libcalls (`tools/sbf/i128_libcalls.ll`), run as SBF bytecode by the
//! `i128_probe` program and compared with the host's own `u128` arithmetic.

use i128_probe::{reference_digest, OP_CHECK_PAIRS, OP_CHECK_RANDOM};
use tranche_vault_tests::{probe_context, probe_run as run};

/// Values at every boundary the division's paths switch on.
fn edge_values() -> Vec<u128> {
    let mut v = vec![0, 1, 2, 3, 7, 0xFFFF_FFFF, 1 << 32, (1 << 32) + 1];
    v.extend([
        u64::MAX as u128 - 1,
        u64::MAX as u128,
        1 << 64,
        (1 << 64) + 1,
    ]);
    v.extend([1 << 63, (1 << 63) + 1, (1 << 96) - 1, 1 << 96]);
    v.extend([1 << 127, (1 << 127) + 1, u128::MAX - 1, u128::MAX]);
    v.extend([
        0xFFFF_FFFF_0000_0000_FFFF_FFFF_0000_0000,
        0x8000_0000_0000_0000_7FFF_FFFF_FFFF_FFFF,
    ]);
    v.extend([10u128.pow(18), 10u128.pow(36), 10u128.pow(12) * 3 + 1]);
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn division_matches_host_on_edge_cases() {
    let mut ctx = probe_context().await;
    let values = edge_values();
    let pairs: Vec<(u128, u128)> = values
        .iter()
        .flat_map(|n| values.iter().filter(|d| **d != 0).map(move |d| (*n, *d)))
        .collect();
    for chunk in pairs.chunks(14) {
        let mut data = vec![OP_CHECK_PAIRS];
        for (n, d) in chunk {
            for x in [*n, *d, n / d, n % d] {
                data.extend_from_slice(&x.to_le_bytes());
            }
        }
        run(&mut ctx, data).await.expect_ok();
    }
    // A wrong expectation must be caught (the check cannot pass vacuously).
    let mut data = vec![OP_CHECK_PAIRS];
    for x in [100u128, 7, 15, 2] {
        data.extend_from_slice(&x.to_le_bytes());
    }
    run(&mut ctx, data)
        .await
        .expect_error(i128_probe::ERR_PAIR_MISMATCH as u32);
    println!(
        "{} edge pairs: SBF quotients and remainders equal the host's",
        pairs.len()
    );
}

/// Random pairs checked on chain: each quotient/remainder satisfies `q * d + r == n, r < d`, and a digest of
/// all results equals the digest the host computes with its own division.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn division_matches_host_on_a_million_random_pairs() {
    const TOTAL: u32 = 1 << 20;
    const PER_TX: u32 = 1_000;
    let mut ctx = probe_context().await;
    let mut done = 0;
    let mut seed = 0x5EED_0000_0000_0001u64;
    while done < TOTAL {
        let count = PER_TX.min(TOTAL - done);
        let mut data = vec![OP_CHECK_RANDOM];
        data.extend_from_slice(&seed.to_le_bytes());
        data.extend_from_slice(&count.to_le_bytes());
        data.extend_from_slice(&reference_digest(seed, count).to_le_bytes());
        run(&mut ctx, data).await.expect_ok();
        done += count;
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
    }
    // A wrong digest is refused.
    let mut data = vec![OP_CHECK_RANDOM];
    data.extend_from_slice(&1u64.to_le_bytes());
    data.extend_from_slice(&10u32.to_le_bytes());
    data.extend_from_slice(&(reference_digest(1, 10) ^ 1).to_le_bytes());
    run(&mut ctx, data)
        .await
        .expect_error(i128_probe::ERR_DIGEST as u32);
    println!("{TOTAL} random pairs: SBF results equal the host's");
}

#[test]
fn reference_generator_covers_every_division_path() {
    let mut g = i128_probe::PairGen::new(42);
    let (mut small_d, mut big_d, mut hi_q, mut zero_q) = (0, 0, 0, 0);
    for _ in 0..10_000 {
        let (n, d) = g.next_pair();
        if d >> 64 == 0 {
            small_d += 1
        } else {
            big_d += 1
        }
        if (n / d) >> 64 != 0 {
            hi_q += 1
        }
        if n < d {
            zero_q += 1
        }
    }
    assert!(
        small_d > 1_000 && big_d > 1_000 && hi_q > 500 && zero_q > 1_000,
        "{small_d} {big_d} {hi_q} {zero_q}"
    );
}
