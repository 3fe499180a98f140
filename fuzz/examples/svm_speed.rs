//! Why the fuzzer runs on LiteSVM: the same SBF transaction (`accrue` on a vault, made unique by its compute-unit
//! limit) sent N times through solana-program-test (the embedded chain of the suites) and through LiteSVM.
//!
//!   cargo run --locked -p tranche-fuzz --example svm_speed [N]

use std::time::Instant;

use anchor_lang::solana_program::instruction::Instruction;
use solana_compute_budget_interface::ComputeBudgetInstruction;

fn unique(i: u32, ix: &Instruction) -> [Instruction; 2] {
    [
        ComputeBudgetInstruction::set_compute_unit_limit(1_000_000 - i),
        ix.clone(),
    ]
}

fn main() -> anyhow::Result<()> {
    let n: u32 = std::env::args().nth(1).map_or(Ok(2_000), |s| s.parse())?;
    let rt = tokio::runtime::Runtime::new()?;
    let pt = rt.block_on(async {
        let mut f =
            embedded_chain::fixture::VaultFixture::for_bench(embedded_chain::Mode::Sbf).await;
        let ix = f.addrs.accrue();
        let start = Instant::now();
        for i in 0..n {
            f.env.send(&unique(i, &ix), &[]).await.expect_ok();
        }
        n as f64 / start.elapsed().as_secs_f64()
    });
    let so = embedded_chain::read_program("tranche_vault");
    let mut w = tranche_fuzz::world::World::new(&so)?;
    let ix = w.addrs.accrue();
    let start = Instant::now();
    for i in 0..n {
        let out = w.chain.send(&unique(i, &ix));
        anyhow::ensure!(out.ok(), "accrue failed: {:?}", out.result);
    }
    let lite = n as f64 / start.elapsed().as_secs_f64();
    println!("accrue, {n} transactions each: solana-program-test {pt:.0} tx/s, LiteSVM {lite:.0} tx/s ({:.0}x)", lite / pt);
    Ok(())
}
