//! `tranche demo`: the whole product in an embedded Solana VM (LiteSVM running the SBF build, no
//! validator, no network). Depositors fill the three tranches; borrowers borrow against SOL and ETH priced by
//! Pyth `PriceUpdateV2` accounts; interest flows through the income waterfall; an epoch closes with
//! redemptions; a crash is written to the oracles; the built-in liquidator liquidates; bad debt falls junior
//! first. After each step it prints the tranches (or, with `--json`, one JSON object per step in base units).

use anchor_lang::prelude::Pubkey;
use anyhow::{Context, Result};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};

use crate::liquidator::{self, health_str, short, Assessment, Market, Raw};
use embedded_chain::fixture::{User, VaultFixture, ONE};
use embedded_chain::{Mode, TxOutcome};
use tranche_vault::math::fixed::{to_native_floor, Sf};
use tranche_vault::state::Tranche::{Junior, Mezzanine, Senior};
use tranche_vault::state::{CollateralAsset, Position, Vault};

const SOL: u64 = 1_000_000_000;
const ETH: u64 = 100_000_000;

/// Options of the demo.
pub struct DemoOpts {
    /// How far SOL falls in the crash, percent (ETH falls 80 % of that).
    pub crash_pct: u32,
    /// Varies the borrowers' sizes; the output is the same for the same seed.
    pub seed: u64,
    pub json: bool,
}

/// splitmix64: a small deterministic generator for the seeded amounts.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A factor in [lo, hi) percent.
    fn pct(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }
}

/// The liquidator's view of the embedded chain: the fixture's collateral assets and the price accounts they and the
/// quote pin; and each asset's name as the demo lists it.
pub async fn market(f: &mut VaultFixture) -> Result<(Market, BTreeMap<Pubkey, String>)> {
    let mut market = Market {
        assets: HashMap::new(),
        oracle_of: HashMap::new(),
        oracles: HashMap::new(),
        quote_oracle: f.quote_oracle,
    };
    let mut names = BTreeMap::new();
    let mut keys = vec![f.quote_oracle];
    for (i, c) in f.assets.clone().into_iter().enumerate() {
        let asset: CollateralAsset = f.env.anchor_account(c.addrs.asset).await;
        market.assets.insert(c.addrs.asset, asset);
        market.oracle_of.insert(c.addrs.asset, c.oracle);
        names.insert(
            c.addrs.asset,
            ASSET_NAMES.get(i).copied().unwrap_or("?").to_string(),
        );
        keys.push(c.oracle);
    }
    for k in keys {
        let acc = f.env.account(k).await.context("oracle account")?;
        market.oracles.insert(
            k,
            Raw {
                owner: acc.owner,
                data: acc.data,
            },
        );
    }
    Ok((market, names))
}

/// Prices a position off chain with the program's own oracle and health code ([`liquidator::assess`]), from the
/// embedded chain's accounts.
pub async fn assess(f: &mut VaultFixture, position: Pubkey) -> Result<Assessment> {
    let v = f.vault().await;
    let now = f.env.now().await;
    let p: Position = f.position(position).await;
    let (market, _) = market(f).await?;
    liquidator::assess(&p, &v, &market, now)
}

/// The fixture's collateral assets in the order the demo lists them (the fixture's stand-in borrower's first).
const ASSET_NAMES: [&str; 3] = ["stand-in", "SOL", "ETH"];

/// The built-in liquidator: liquidates every unhealthy position, one asset at a time, until it is healthy or
/// has no collateral left. Returns the decisions it logged and the CU it used.
pub async fn liquidate_all(f: &mut VaultFixture, liquidator: &User) -> Result<(Vec<String>, u64)> {
    let mut log = vec![];
    let mut cu = 0;
    for position in f.positions().to_vec() {
        for _ in 0..16 {
            let a = assess(f, position).await?;
            let Some(asset) = a.seize.filter(|_| a.health.is_liquidatable()) else {
                log.push(format!(
                    "position {}: health {} — leave it",
                    short(&position),
                    health_str(&a.health)
                ));
                break;
            };
            let i = f
                .assets
                .iter()
                .position(|c| c.addrs.asset == asset)
                .context("asset index")?;
            let out = f.liquidate(liquidator, position, i, u64::MAX).await;
            check(&out, "liquidate")?;
            cu += out.program_cu();
            log.push(format!(
                "position {}: health {} < 1 — liquidate, seizing {}",
                short(&position),
                health_str(&a.health),
                ASSET_NAMES.get(i).copied().unwrap_or("?")
            ));
        }
    }
    Ok((log, cu))
}

fn check(out: &TxOutcome, what: &str) -> Result<()> {
    out.result
        .clone()
        .map_err(|e| anyhow::anyhow!("{what} failed: {e:?}\n{}", out.logs.join("\n")))
}

/// The figures of a step: printed (a table, or one JSON line with `--json`) and added to `report`.
async fn snapshot(
    f: &mut VaultFixture,
    step: &str,
    cu: u64,
    opts: &DemoOpts,
    notes: &[String],
    report: &mut Vec<serde_json::Value>,
) -> Result<()> {
    let v: Vault = f.vault().await;
    let names = ["senior", "mezzanine", "junior"];
    let mut rows = vec![];
    for (t, name) in names.into_iter().enumerate() {
        let state = &v.tranches[t];
        let supply = f.env.mint_supply(f.addrs.tranche_mints[t]).await;
        let eff = supply + state.dead_shares;
        let price = if eff == 0 {
            Sf::ONE
        } else {
            tranche_vault::math::fixed::mul_div_floor(state.nav(), 1, eff)?
        };
        rows.push((
            name,
            state.nav(),
            price,
            supply,
            state.written_down_sf.get(),
        ));
    }
    let debt = v.debt()?;
    let util_bps =
        tranche_vault::math::interest::utilization(to_native_floor(debt)?, v.free_liquidity()?)?
            .checked_mul_int(10_000)
            .map(|x| x.to_num::<u64>())
            .unwrap_or(0);
    {
        let tranches: Vec<_> = rows
            .iter()
            .map(|(n, nav, price, supply, wd)| {
                json!({
                    "tranche": n,
                    "nav_sf": nav.to_bits().to_string(),
                    "nav_native": to_native_floor(*nav).unwrap_or(0),
                    "price_per_token_sf": price.to_bits().to_string(),
                    "supply": supply,
                    "written_down_sf": wd.to_bits().to_string(),
                })
            })
            .collect();
        let obj = json!({
            "step": step,
            "cu": cu,
            "tranches": tranches,
            "debt_sf": debt.to_bits().to_string(),
            "liquidity_native": v.liquidity_native,
            "reserved_payout_sf": v.reserved_payout_sf.get().to_bits().to_string(),
            "fees_sf": v.fees_sf.get().to_bits().to_string(),
            "utilization_bps": util_bps,
            "notes": notes,
            "sf_scale": "fixed point: divide *_sf by 2^60; native quote units have 6 decimals",
        });
        if opts.json {
            println!("{obj}");
        }
        report.push(obj);
        if opts.json {
            return Ok(());
        }
    }
    println!("\n== {step}  ({cu} CU)");
    for n in notes {
        println!("   {n}");
    }
    println!(
        "   {:<10} {:>16} {:>12} {:>16} {:>14}",
        "tranche", "NAV (USDC)", "price/token", "supply", "written down"
    );
    for (n, nav, price, supply, wd) in rows {
        println!(
            "   {:<10} {:>16.2} {:>12.6} {:>16.2} {:>14.2}",
            n,
            nav.to_num::<f64>() / ONE as f64,
            price.to_num::<f64>(),
            supply as f64 / ONE as f64,
            wd.to_num::<f64>() / ONE as f64
        );
    }
    println!(
        "   debt {:.2} USDC, liquidity {:.2} USDC, utilization {:.2} %, protocol fees {:.2} USDC",
        debt.to_num::<f64>() / ONE as f64,
        v.liquidity_native as f64 / ONE as f64,
        util_bps as f64 / 100.0,
        v.fees_sf.get().to_num::<f64>() / ONE as f64
    );
    Ok(())
}

/// Builds `target/deploy/tranche_vault.so` when it is missing.
fn ensure_program(json: bool) -> Result<()> {
    let so = embedded_chain::deploy_dir().join("tranche_vault.so");
    if so.exists() {
        return Ok(());
    }
    if !json {
        println!("building the SBF program (tools/sbf/build-program.sh tranche_vault; a few minutes the first time)...");
    }
    let root = embedded_chain::deploy_dir().join("../..");
    let status = std::process::Command::new(root.join("tools/sbf/build-program.sh"))
        .arg("tranche_vault")
        .current_dir(&root)
        .status()
        .context("running tools/sbf/build-program.sh")?;
    anyhow::ensure!(status.success(), "building the SBF program failed");
    Ok(())
}

/// The demo's collateral assets, by the fixture's index.
struct Listed {
    sol: usize,
    eth: usize,
}

/// Step 1: the vault, with SOL at 150 and ETH at 3,000 listed.
async fn create(f: &mut VaultFixture) -> Listed {
    let sol = f.add_collateral(9, 150.0).await;
    let eth = f.add_collateral(8, 3_000.0).await;
    Listed { sol, eth }
}

/// Step 2: depositors fill the tranches (junior first: it is the cushion the others need); returns the depositor
/// and the CU used.
async fn fill_tranches(f: &mut VaultFixture) -> Result<(User, u64)> {
    let lp = f.user(10_000_000 * ONE).await;
    let mut cu = 0;
    for (t, amount) in [(Junior, 200_000), (Mezzanine, 300_000), (Senior, 1_500_000)] {
        let out = f.deposit(&lp, t, amount * ONE).await;
        check(&out, "deposit")?;
        cu += out.program_cu();
    }
    Ok((lp, cu))
}

/// Step 3: borrowers borrow (sizes varied by `rng`); 30 days pass; interest accrues through the income waterfall.
async fn borrow_and_accrue(f: &mut VaultFixture, listed: &Listed, rng: &mut Rng) -> Result<u64> {
    let (sol, eth) = (listed.sol, listed.eth);
    let mut cu = 0;
    let plans = [
        (vec![(sol, 6_000 * SOL)], 60u64),
        (vec![(eth, 300 * ETH)], 62),
        (vec![(sol, 3_000 * SOL), (eth, 150 * ETH)], 58),
    ];
    for (id, (collateral, ltv_pct)) in plans.into_iter().enumerate() {
        let u = f.user(0).await;
        let p = f.open_position(&u, id as u64).await;
        let mut value = 0.0;
        for (asset, amount) in collateral {
            let out = f.deposit_collateral(&u, p, asset, amount).await;
            check(&out, "deposit_collateral")?;
            cu += out.program_cu();
            value += if asset == sol {
                amount as f64 / SOL as f64 * 150.0
            } else {
                amount as f64 / ETH as f64 * 3_000.0
            };
        }
        let pct = ltv_pct * rng.pct(95, 105) / 100;
        let amount = (value * pct as f64 / 100.0) as u64 * ONE;
        let out = f.borrow(&u, p, amount).await;
        check(&out, "borrow")?;
        cu += out.program_cu();
    }
    f.warp(30 * 86_400).await;
    let out = f.accrue().await;
    check(&out, "accrue")?;
    Ok(cu + out.program_cu())
}

/// Step 4: an epoch closes with redemptions: part of senior and of junior want out.
async fn close_epoch(f: &mut VaultFixture, lp: &User) -> Result<u64> {
    let mut cu = 0;
    for (t, shares) in [(Senior, 100_000 * ONE), (Junior, 20_000 * ONE)] {
        let out = f.request(lp, t, shares).await;
        check(&out, "request_redeem")?;
        cu += out.program_cu();
    }
    let out = f.next_epoch().await;
    check(&out, "close_epoch")?;
    cu += out.program_cu();
    for t in [Senior, Junior] {
        let out = f.claim(lp, t).await;
        check(&out, "claim_redeem")?;
        cu += out.program_cu();
    }
    Ok(cu)
}

/// The demo's pool before the crash (steps 1–4 for `seed`, on the SBF build): what `tranche risk --embedded`
/// simulates.
pub async fn pool(seed: u64) -> Result<VaultFixture> {
    ensure_program(true)?;
    let mut rng = Rng(seed);
    let mut f = VaultFixture::deterministic(Mode::Lite).await;
    let listed = create(&mut f).await;
    let (lp, _) = fill_tranches(&mut f).await?;
    borrow_and_accrue(&mut f, &listed, &mut rng).await?;
    close_epoch(&mut f, &lp).await?;
    Ok(f)
}

/// Runs the scenario; returns each step's figures (the objects `--json` prints).
pub async fn run(opts: DemoOpts) -> Result<Vec<serde_json::Value>> {
    ensure_program(opts.json)?;
    let mut report = vec![];
    let r = &mut report;
    let mut rng = Rng(opts.seed);
    let mut f = VaultFixture::deterministic(Mode::Lite).await;
    let listed = create(&mut f).await;
    let (sol, eth) = (listed.sol, listed.eth);
    snapshot(
        &mut f,
        "1. vault created; SOL at 150 and ETH at 3,000 (Pyth PriceUpdateV2) listed through the timelock",
        0,
        &opts,
        &[],
        r,
    )
    .await?;
    let (lp, cu) = fill_tranches(&mut f).await?;
    snapshot(
        &mut f,
        "2. deposits: junior 200k, mezzanine 300k, senior 1.5M",
        cu,
        &opts,
        &[],
        r,
    )
    .await?;
    let cu = borrow_and_accrue(&mut f, &listed, &mut rng).await?;
    snapshot(
        &mut f,
        "3. three borrowers borrow; 30 days of interest, senior paid first",
        cu,
        &opts,
        &[],
        r,
    )
    .await?;
    let cu = close_epoch(&mut f, &lp).await?;
    snapshot(
        &mut f,
        "4. epoch closed: 100k senior and 20k junior shares redeemed",
        cu,
        &opts,
        &[],
        r,
    )
    .await?;

    // 5. The crash.
    let sol_px = 150.0 * (100 - opts.crash_pct.min(99)) as f64 / 100.0;
    let eth_px = 3_000.0 * (100.0 - opts.crash_pct.min(99) as f64 * 0.8) / 100.0;
    f.set_price(sol, sol_px).await;
    f.set_price(eth, eth_px).await;
    let mut notes = vec![];
    for p in f.positions().to_vec() {
        let a = assess(&mut f, p).await?;
        notes.push(format!(
            "position {}: health {}",
            short(&p),
            health_str(&a.health)
        ));
    }
    snapshot(
        &mut f,
        &format!(
            "5. crash: SOL {sol_px:.2} (−{}%), ETH {eth_px:.2}",
            opts.crash_pct
        ),
        0,
        &opts,
        &notes,
        r,
    )
    .await?;

    // 6–7. The built-in liquidator; bad debt falls through the loss waterfall.
    let liquidator = f.user(5_000_000 * ONE).await;
    let (log, cu) = liquidate_all(&mut f, &liquidator).await?;
    snapshot(
        &mut f,
        "6. liquidations; bad debt written off junior first",
        cu,
        &opts,
        &log,
        r,
    )
    .await?;
    f.check_invariants().await;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nav(step: &serde_json::Value, t: usize) -> u128 {
        step["tranches"][t]["nav_sf"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap()
    }

    fn written_down(step: &serde_json::Value, t: usize) -> u128 {
        step["tranches"][t]["written_down_sf"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap()
    }

    /// The demo on the SBF build: the same seed gives the same figures; the crash wipes junior out first, dents
    /// mezzanine and leaves senior whole; the written-down amounts are what each tranche lost.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn demo_is_deterministic_and_losses_fall_junior_first() {
        let opts = |seed| DemoOpts {
            crash_pct: 60,
            seed,
            json: true,
        };
        let a = run(opts(3)).await.expect("demo runs");
        let b = run(opts(3)).await.expect("demo runs again");
        assert_eq!(a, b, "same seed, same output");
        let c = run(opts(4)).await.expect("another seed");
        assert_ne!(a, c, "the seed changes the borrowers");
        assert_eq!(a.len(), 6);
        let (before, after) = (&a[4], &a[5]);
        assert_eq!(nav(after, 0), nav(before, 0), "senior whole");
        assert_eq!(nav(after, 2), 0, "junior wiped out");
        assert_eq!(written_down(after, 2), nav(before, 2));
        assert!(
            nav(after, 1) < nav(before, 1) && nav(after, 1) > 0,
            "mezzanine dented"
        );
        assert_eq!(written_down(after, 1), nav(before, 1) - nav(after, 1));
        // Income went senior first: after step 3 every tranche earned, senior at its 6 % target.
        let (d, i) = (&a[1], &a[2]);
        let senior_gain = (nav(i, 0) - nav(d, 0)) as f64 / (1u128 << 60) as f64 / ONE as f64;
        assert!(
            (senior_gain - 1_500_000.0 * 0.06 * 30.0 / 365.0).abs() < 0.01,
            "senior {senior_gain}"
        );
        assert!(nav(i, 2) > nav(d, 2), "junior took the residual");
    }
}
