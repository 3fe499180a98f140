//! The liquidator bot against a cluster, over JSON-RPC.
//!
//! Each round it:
//! 1. reads the vault, its collateral assets and its positions (`getProgramAccounts` with a discriminator and a
//!    vault filter), the price accounts, and the chain's clock;
//! 2. scores every position with [`super::assess`] (the program's own oracle and health code, at the chain's time);
//! 3. for each liquidatable one, simulates `liquidate` (after a compute-budget pair and an idempotent creation of
//!    the bot's collateral token account) and sends it only if the simulation succeeded, with a compute-unit limit
//!    fitted to the simulation, a slippage guard on the seized amount, and retries on transport errors (after
//!    checking that no earlier attempt landed);
//! 4. logs one decision per position;
//! 5. when a liquidation is not sent or is refused, reads the position again, and retries on the fresh one if it
//!    changed (a borrower front-running the bot with a new collateral entry breaks the account list it built).
//!
//! It stops between steps on Ctrl-C (SIGINT) or SIGTERM; a second Ctrl-C exits at once.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anchor_lang::prelude::{Clock, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::sysvar::SysvarId;
use anchor_lang::{AccountDeserialize, Discriminator, Space};
use anchor_spl::associated_token::{
    get_associated_token_address_with_program_id as ata,
    spl_associated_token_account::instruction::create_associated_token_account_idempotent,
};
use anyhow::{bail, Context, Result};
use base64::Engine;
use solana_account_decoder_client_types::{UiAccount, UiAccountData, UiAccountEncoding};
use solana_commitment_config::CommitmentConfig;
use solana_compute_budget_interface::ComputeBudgetInstruction;
use solana_keypair::Keypair;
use solana_rpc_client::rpc_client::RpcClient;
use solana_rpc_client_api::config::{
    RpcAccountInfoConfig, RpcProgramAccountsConfig, RpcSimulateTransactionAccountsConfig,
    RpcSimulateTransactionConfig,
};
use solana_rpc_client_api::filter::{Memcmp, RpcFilterType};
use solana_rpc_client_api::response::RpcVersionInfo;
use solana_signer::Signer;
use solana_transaction::Transaction;
use tranche_vault::client::{AssetAddresses, VaultAddresses};
use tranche_vault::oracle::OracleSetting;
use tranche_vault::state::{CollateralAsset, Position, Vault};
use tranche_vault::LiquidateArgs;

use super::{assess, health_str, short, Market, Raw};

/// The compute-unit limit of the simulation; the sent transaction's limit is fitted to what it used.
const SIMULATION_CU_LIMIT: u32 = 600_000;
/// Liquidations of one position within a round (each repays at most the close factor).
const MAX_STEPS_PER_POSITION: usize = 8;

/// The bot's settings (`tranche liquidator --help`).
#[derive(Clone, Debug)]
pub struct BotOpts {
    pub url: String,
    pub keypair: PathBuf,
    pub vault: Pubkey,
    /// One round, then exit.
    pub once: bool,
    pub interval_secs: u64,
    /// Priority fee, micro-lamports per compute unit.
    pub priority_fee: u64,
    /// Resends after a transport error (a transaction the cluster refused is not resent).
    pub retries: u32,
    /// The seized amount may fall this far below the simulated one before the program refuses (bps).
    pub seize_slippage_bps: u16,
    /// Price account per mint (collateral or quote) to score with, instead of the pinned one (a what-if).
    pub price_accounts: HashMap<Pubkey, Pubkey>,
}

/// What the chain holds for one vault, as one round read it.
pub struct Chain {
    pub vault: Vault,
    /// Every position with debt, by key.
    pub positions: Vec<(Pubkey, Position)>,
    pub market: Market,
    /// The chain's unix time.
    pub now: i64,
}

/// Runs the bot until Ctrl-C (or one round with `--once`).
pub fn run(opts: &BotOpts) -> Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // A second signal while stopping exits at once.
        signal_hook::flag::register_conditional_shutdown(sig, 130, Arc::clone(&stop))?;
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let kp = crate::read_keypair(&opts.keypair)?;
    let (rpc, version) = connect(&opts.url)?;
    log(&format!(
        "liquidator {} on {} (solana-core {}), vault {}",
        kp.pubkey(),
        opts.url,
        version.solana_core,
        opts.vault
    ));
    let mut round = 0u64;
    while !stop.load(Ordering::Relaxed) {
        round += 1;
        match run_round(&rpc, &kp, opts, &stop) {
            Ok((scanned, liquidated)) => log(&format!(
                "round {round}: positions scanned: {scanned}, liquidations sent: {liquidated}"
            )),
            // A failed read ends the round; the next one starts afresh.
            Err(e) if !opts.once => log(&format!("round {round} failed: {e:#}")),
            Err(e) => return Err(e),
        }
        if opts.once {
            return Ok(());
        }
        for _ in 0..opts.interval_secs.saturating_mul(10) {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    log("stopped (signal)");
    Ok(())
}

fn log(line: &str) {
    println!("[liquidator] {line}");
}

/// One scan and the liquidations it calls for: (positions scanned, liquidations sent).
fn run_round(
    rpc: &RpcClient,
    kp: &Keypair,
    opts: &BotOpts,
    stop: &AtomicBool,
) -> Result<(usize, usize)> {
    let mut chain = read_chain(rpc, opts)?;
    let mut sent = 0;
    let positions = std::mem::take(&mut chain.positions);
    let scanned = positions.len();
    for (key, position) in positions {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        sent += work_position(rpc, kp, opts, &mut chain, key, position, stop)?;
    }
    Ok((scanned, sent))
}

/// Liquidates `position` (as the round read it) while it is liquidatable, at most `MAX_STEPS_PER_POSITION`
/// steps; returns the liquidations that landed. After each step, and whenever a liquidation is not sent or is
/// refused, it reads the position again: if it changed (the borrower front-ran the bot, adding a collateral entry
/// so that the accounts the bot passed no longer match, or repaying, or withdrawing), the next step works on the
/// fresh position; if it did not, the failure was the liquidation's own and the bot moves on.
pub fn work_position(
    rpc: &RpcClient,
    kp: &Keypair,
    opts: &BotOpts,
    chain: &mut Chain,
    key: Pubkey,
    mut position: Position,
    stop: &AtomicBool,
) -> Result<usize> {
    let mut sent = 0;
    for _ in 0..MAX_STEPS_PER_POSITION {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let a = match assess(&position, &chain.vault, &chain.market, chain.now) {
            Ok(a) => a,
            Err(e) => {
                log(&format!(
                    "position {}: cannot price it ({e:#}) — skip",
                    short(&key)
                ));
                break;
            }
        };
        let Some(seize) = a.seize.filter(|_| a.health.is_liquidatable()) else {
            log(&format!(
                "position {}: health {} — leave it",
                short(&key),
                health_str(&a.health)
            ));
            break;
        };
        log(&format!(
            "position {}: health {} < 1 — liquidate, seizing {}",
            short(&key),
            health_str(&a.health),
            chain.market.assets.get(&seize).map_or(seize, |x| x.mint)
        ));
        let landed = liquidate(rpc, kp, opts, chain, key, &position, seize)?;
        sent += usize::from(landed);
        // Read the position and the vault (its borrow index) again; the prices are this round's.
        let fresh = rpc.get_multiple_accounts(&[opts.vault, key])?;
        let (Some(Some(v)), Some(Some(p))) = (fresh.first(), fresh.get(1)) else {
            break;
        };
        chain.vault = crate::decode(&v.data, &opts.vault)?;
        let now: Position = crate::decode(&p.data, &key)?;
        if !landed {
            if now == position {
                break;
            }
            log(&format!(
                "position {}: changed since it was read (another transaction landed first) — read again, retrying",
                short(&key)
            ));
        }
        position = now;
    }
    Ok(sent)
}

/// The price account the bot reads for an oracle setting: the override for `mint` (to score a what-if; the
/// program takes only the pinned account), else the account the setting pins.
fn price_account(opts: &BotOpts, mint: &Pubkey, setting: &OracleSetting) -> Pubkey {
    opts.price_accounts
        .get(mint)
        .copied()
        .unwrap_or(setting.account)
}

/// A client of `url` at the `confirmed` commitment, once the node answers (its version), or an error that says
/// nothing answers there.
pub fn connect(url: &str) -> Result<(RpcClient, RpcVersionInfo)> {
    let rpc = RpcClient::new_with_commitment(url.to_string(), CommitmentConfig::confirmed());
    let version = rpc.get_version().with_context(|| {
        format!("no JSON-RPC answer at {url} (--url): is the cluster or local validator running?")
    })?;
    Ok((rpc, version))
}

/// The vault account `key` (`--vault`), refused unless this program owns it.
pub fn read_vault(rpc: &RpcClient, key: &Pubkey) -> Result<Vault> {
    let program = tranche_vault::ID;
    let acc = rpc
        .get_account(key)
        .with_context(|| format!("fetching the vault {key} (--vault)"))?;
    if acc.owner != program {
        bail!(
            "{key} is not a vault: owned by {}, not the Tranche Vault program {program}",
            acc.owner
        );
    }
    crate::decode(&acc.data, key)
}

/// Every account of type `T` of `vault` (a `CollateralAsset` or a `Position`: each holds its vault right after the
/// discriminator), by `getProgramAccounts` filtered on the account's size, its discriminator at offset 0 and the
/// vault at offset 8; sorted by key.
pub fn vault_accounts<T>(rpc: &RpcClient, vault: &Pubkey) -> Result<Vec<(Pubkey, T)>>
where
    T: AccountDeserialize + Discriminator + Space,
{
    let cfg = RpcProgramAccountsConfig {
        filters: Some(vec![
            RpcFilterType::DataSize((8 + T::INIT_SPACE) as u64),
            RpcFilterType::Memcmp(Memcmp::new_raw_bytes(0, T::DISCRIMINATOR.to_vec())),
            RpcFilterType::Memcmp(Memcmp::new_raw_bytes(8, vault.to_bytes().to_vec())),
        ]),
        account_config: RpcAccountInfoConfig {
            encoding: Some(UiAccountEncoding::Base64),
            ..RpcAccountInfoConfig::default()
        },
        ..RpcProgramAccountsConfig::default()
    };
    let mut out = rpc
        .get_program_ui_accounts_with_config(&tranche_vault::ID, cfg)
        .context("getProgramAccounts")?
        .into_iter()
        .map(|(k, a)| {
            let data = ui_account_bytes(&a).context("account data not base64")?;
            Ok((k, crate::decode::<T>(&data, &k)?))
        })
        .collect::<Result<Vec<_>>>()?;
    out.sort_by_key(|(k, _)| *k);
    Ok(out)
}

/// One round's read: the vault, its collateral assets and positions, every price account and the clock.
pub fn read_chain(rpc: &RpcClient, opts: &BotOpts) -> Result<Chain> {
    let vault = read_vault(rpc, &opts.vault)?;
    let assets: HashMap<Pubkey, CollateralAsset> =
        vault_accounts(rpc, &opts.vault)?.into_iter().collect();
    let positions: Vec<(Pubkey, Position)> = vault_accounts::<Position>(rpc, &opts.vault)?
        .into_iter()
        .filter(|(_, p)| p.scaled_debt_sf != 0)
        .collect();
    let quote_oracle = price_account(opts, &vault.quote_mint, &vault.quote_oracle);
    let mut oracle_of = HashMap::new();
    for (k, a) in &assets {
        oracle_of.insert(*k, price_account(opts, &a.mint, &a.oracle));
    }
    let mut keys: Vec<Pubkey> = oracle_of.values().copied().collect();
    keys.push(quote_oracle);
    keys.sort();
    keys.dedup();
    keys.push(<Clock as SysvarId>::id());
    let mut fetched = rpc.get_multiple_accounts(&keys)?;
    let clock = clock_of(fetched.pop().flatten().as_ref().map(|c| c.data.as_slice()))?;
    let oracles = keys
        .into_iter()
        .zip(fetched)
        .filter_map(|(k, a)| {
            a.map(|a| {
                (
                    k,
                    Raw {
                        owner: a.owner,
                        data: a.data,
                    },
                )
            })
        })
        .collect();
    Ok(Chain {
        vault,
        positions,
        market: Market {
            assets,
            oracle_of,
            oracles,
            quote_oracle,
        },
        now: clock.unix_timestamp,
    })
}

/// The Clock sysvar from its account's data, as fetched with the other accounts of a read (so that it dates them).
pub fn clock_of(data: Option<&[u8]>) -> Result<Clock> {
    data.and_then(|d| bincode::deserialize(d).ok())
        .context("reading the Clock sysvar")
}

/// A token account's amount from bytes (SPL Token and Token-2022 share the first 165 bytes); 0 if absent.
fn token_amount(data: Option<&[u8]>) -> u64 {
    data.and_then(|d| d.get(64..72))
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

fn ui_account_bytes(a: &UiAccount) -> Option<Vec<u8>> {
    match &a.data {
        UiAccountData::Binary(b64, UiAccountEncoding::Base64) => {
            base64::engine::general_purpose::STANDARD.decode(b64).ok()
        }
        _ => None,
    }
}

/// Simulates one liquidation of `position`, seizing `seize`, and sends it if the simulation succeeded. Returns
/// whether a transaction landed.
fn liquidate(
    rpc: &RpcClient,
    kp: &Keypair,
    opts: &BotOpts,
    chain: &Chain,
    key: Pubkey,
    position: &Position,
    seize: Pubkey,
) -> Result<bool> {
    let me = kp.pubkey();
    let vault = &chain.vault;
    let asset = chain
        .market
        .assets
        .get(&seize)
        .context("seized asset not read")?;
    let addrs = VaultAddresses::from_state(opts.vault, vault);
    let a = AssetAddresses {
        asset: seize,
        mint: asset.mint,
        custody: asset.custody,
        token_program: asset.token_program,
    };
    let my_quote = ata(&me, &vault.quote_mint, &vault.quote_token_program);
    let my_collateral = ata(&me, &asset.mint, &asset.token_program);
    let before = rpc.get_multiple_accounts(&[my_quote, my_collateral])?;
    let [quote_before, collateral_before] =
        [0, 1].map(|i| token_amount(before[i].as_ref().map(|a| a.data.as_slice())));
    let mut pricing = vec![];
    for e in position.active() {
        let oracle = chain
            .market
            .oracle_of
            .get(&e.asset)
            .context("asset's price account")?;
        pricing.extend([e.asset, *oracle]);
    }
    let build = |cu_limit: u32, min_seize: u64| -> Vec<Instruction> {
        vec![
            ComputeBudgetInstruction::set_compute_unit_limit(cu_limit),
            ComputeBudgetInstruction::set_compute_unit_price(opts.priority_fee),
            create_associated_token_account_idempotent(&me, &me, &asset.mint, &asset.token_program),
            addrs.liquidate(
                me,
                key,
                my_quote,
                &a,
                my_collateral,
                chain.market.quote_oracle,
                &pricing,
                // The program clamps the repayment to the close factor; the bot offers all it holds.
                LiquidateArgs {
                    max_repay: quote_before,
                    min_seize,
                },
            ),
        ]
    };
    // Unsigned: the node checks no signature and puts in its own blockhash.
    let tx = Transaction::new_with_payer(&build(SIMULATION_CU_LIMIT, 0), Some(&me));
    let sim = rpc
        .simulate_transaction_with_config(
            &tx,
            RpcSimulateTransactionConfig {
                sig_verify: false,
                replace_recent_blockhash: true,
                commitment: Some(CommitmentConfig::confirmed()),
                accounts: Some(RpcSimulateTransactionAccountsConfig {
                    encoding: Some(UiAccountEncoding::Base64),
                    addresses: vec![my_quote.to_string(), my_collateral.to_string()],
                }),
                ..RpcSimulateTransactionConfig::default()
            },
        )
        .context("simulateTransaction")?
        .value;
    if let Some(err) = sim.err {
        // Anchor names the error (and the account) in its log line; else the last failure line.
        let logs = sim.logs.unwrap_or_default();
        let why = logs
            .iter()
            .find(|l| l.contains("AnchorError"))
            .or_else(|| logs.iter().rev().find(|l| l.contains("failed")))
            .map(|l| l.trim_start_matches("Program log: ").to_string())
            .unwrap_or_default();
        log(&format!(
            "position {}: simulation failed ({err}{}{why}) — not sending",
            short(&key),
            if why.is_empty() { "" } else { ": " }
        ));
        return Ok(false);
    }
    let after: Vec<u64> = sim
        .accounts
        .unwrap_or_default()
        .iter()
        .map(|a| token_amount(a.as_ref().and_then(ui_account_bytes).as_deref()))
        .collect();
    let [quote_after, collateral_after] = [0, 1].map(|i| after.get(i).copied().unwrap_or(0));
    let repaid = quote_before.saturating_sub(quote_after);
    let seized = collateral_after.saturating_sub(collateral_before);
    let used = sim.units_consumed.unwrap_or(u64::from(SIMULATION_CU_LIMIT));
    // Headroom for state that moves between the simulation and the slot that lands it.
    let cu_limit = u32::try_from(used.saturating_mul(6) / 5 + 1_000)
        .unwrap_or(SIMULATION_CU_LIMIT)
        .min(1_400_000);
    // Floor: the guard may only accept less than simulated, never demand more.
    let min_seize = u64::try_from(
        u128::from(seized) * u128::from(10_000u16.saturating_sub(opts.seize_slippage_bps)) / 10_000,
    )?;
    log(&format!(
        "position {}: simulated: repays {repaid}, seizes {seized} ({used} CU); sending with min_seize {min_seize}",
        short(&key)
    ));
    let mut earlier = vec![];
    for attempt in 0..=opts.retries {
        // An attempt whose confirmation timed out may still have landed: look before sending another.
        for sig in &earlier {
            match rpc.get_signature_status(sig)? {
                Some(Ok(())) => {
                    log(&format!("position {}: liquidated in {sig}", short(&key)));
                    return Ok(true);
                }
                Some(Err(e)) => {
                    log(&format!(
                        "position {}: {sig} failed on chain ({e})",
                        short(&key)
                    ));
                    return Ok(false);
                }
                None => {}
            }
        }
        let blockhash = rpc.get_latest_blockhash()?;
        let tx = Transaction::new_signed_with_payer(
            &build(cu_limit, min_seize),
            Some(&me),
            &[kp],
            blockhash,
        );
        earlier.extend(tx.signatures.first().copied());
        // Preflight on: the RPC node simulates again and refuses to forward a failing transaction.
        match rpc.send_and_confirm_transaction(&tx) {
            Ok(sig) => {
                log(&format!("position {}: liquidated in {sig}", short(&key)));
                return Ok(true);
            }
            Err(e) if e.get_transaction_error().is_some() => {
                log(&format!(
                    "position {}: refused by the cluster ({e}) — not resending",
                    short(&key)
                ));
                return Ok(false);
            }
            Err(e) if attempt < opts.retries => {
                log(&format!(
                    "position {}: send attempt {} failed ({e}); retrying",
                    short(&key),
                    attempt + 1
                ));
                std::thread::sleep(Duration::from_millis(500 * (u64::from(attempt) + 1)));
            }
            Err(e) => {
                log(&format!(
                    "position {}: giving up after {} attempts ({e})",
                    short(&key),
                    attempt + 1
                ));
            }
        }
    }
    Ok(false)
}
