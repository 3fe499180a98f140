//! The depositor's, borrower's and keeper's commands against a cluster: each reads what it needs over RPC, builds
//! its instructions through the program crate (`tranche_vault::client`), creates the signer's token accounts where
//! the instruction pays into one, and leaves through [`TxOpts::submit`] (sign and send, or export unsigned).
//! Amounts are whole units with decimals ("1000.5"), converted exactly to native units.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_spl::associated_token::{
    get_associated_token_address_with_program_id as ata,
    spl_associated_token_account::instruction::create_associated_token_account_idempotent,
};
use anchor_spl::token_2022::spl_token_2022;
use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use solana_rpc_client::rpc_client::RpcClient;
use tranche_vault::client::{AssetAddresses, VaultAddresses};
use tranche_vault::constants::{BPS, TRANCHE_TOKEN_PROGRAM};
use tranche_vault::state::{CollateralAsset, Position, RedemptionRequest, Tranche, Vault};
use tranche_vault::DepositArgs;

use crate::governance::{fetch, TrancheArg};
use crate::send::TxOpts;
use crate::vault_config::MintInfo;

pub mod show;

/// Which vault, and how the transaction leaves.
#[derive(Args, Clone, Debug)]
pub struct At {
    /// The vault account (required).
    #[arg(long, global = true)]
    pub vault: Option<Pubkey>,
    #[command(flatten)]
    pub tx: TxOpts,
}

/// The depositor's, borrower's and keeper's commands.
#[derive(Subcommand, Debug)]
pub enum RoleCommand {
    /// Buy tranche tokens with the quote asset; refuses fewer tokens than the current price gives, less
    /// --slippage-bps.
    Deposit {
        #[command(flatten)]
        at: At,
        #[arg(long)]
        tranche: TrancheArg,
        /// Quote to pay, whole units ("1000.5").
        #[arg(long)]
        amount: String,
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u16).range(0..=10_000))]
        slippage_bps: u16,
    },
    /// Queue tranche tokens for redemption at the next epoch close.
    Redeem {
        #[command(flatten)]
        at: At,
        #[arg(long)]
        tranche: TrancheArg,
        /// Tranche tokens to queue, whole units (they have the quote's decimals).
        #[arg(long)]
        shares: String,
    },
    /// Take back the unfilled part of a redemption request.
    CancelRedeem {
        #[command(flatten)]
        at: At,
        #[arg(long)]
        tranche: TrancheArg,
    },
    /// Collect what epoch closes filled of a redemption request.
    Claim {
        #[command(flatten)]
        at: At,
        #[arg(long)]
        tranche: TrancheArg,
    },
    /// A borrower's position: open, deposit or withdraw collateral, borrow, repay.
    Position {
        #[command(flatten)]
        at: At,
        /// The position id (one owner may hold several).
        #[arg(long, default_value_t = 0, global = true)]
        id: u64,
        #[command(subcommand)]
        action: PositionAction,
    },
    /// Accrue interest (anyone).
    Accrue {
        #[command(flatten)]
        at: At,
    },
    /// Close the epoch once it has ended, filling the redemption queue (anyone).
    CloseEpoch {
        #[command(flatten)]
        at: At,
    },
}

#[derive(Subcommand, Debug)]
pub enum PositionAction {
    /// Open the position (the signer owns it and pays its rent).
    Open,
    /// Deposit collateral of a listed mint.
    Deposit {
        #[arg(long)]
        mint: Pubkey,
        /// Whole units of the mint ("2.5").
        #[arg(long)]
        amount: String,
    },
    /// Withdraw collateral, if the position stays within its LTV limit.
    Withdraw {
        #[arg(long)]
        mint: Pubkey,
        #[arg(long)]
        amount: String,
    },
    /// Borrow the quote asset against the position's collateral.
    Borrow {
        /// Whole quote units.
        #[arg(long)]
        amount: String,
    },
    /// Repay debt (at most what is owed).
    Repay {
        #[arg(long)]
        amount: String,
    },
    /// The position as the program values it: debt, health, how much more it may borrow, and each collateral
    /// entry's liquidation price (the others fixed). The position is --owner's (default: --keypair's) position
    /// --id, or the one at --address; the books are as of the vault's last accrual.
    Show {
        /// The position's owner (default: the --keypair's key).
        #[arg(long, conflicts_with = "address")]
        owner: Option<Pubkey>,
        /// The position account itself (then --vault and --owner may be left out).
        #[arg(long)]
        address: Option<Pubkey>,
        /// One JSON object: base units as integers, fixed point as raw U68F60 bits (`*_sf`) beside a float.
        #[arg(long)]
        json: bool,
    },
}

/// `tranche position show`.
fn show_position(
    at: &At,
    id: u64,
    owner: Option<Pubkey>,
    address: Option<Pubkey>,
    json: bool,
) -> Result<()> {
    let rpc = crate::liquidator::rpc::connect(&at.tx.url)?.0;
    let (key, missing) = match address {
        Some(k) => (k, format!("no position at --address {k}")),
        None => {
            let vault = at
                .vault
                .context("--vault <VAULT> is required (or --address <POSITION>)")?;
            let owner = match owner {
                Some(o) => o,
                None => at.tx.signer_key().context(
                    "whose position? pass --owner <KEY>, --keypair <file> (its key) or --address <POSITION>",
                )?,
            };
            let key = tranche_vault::pda::position(&vault, &owner, id).0;
            (
                key,
                format!("{owner} has no position {id} in vault {vault}"),
            )
        }
    };
    let report = show::compute(show::read(&rpc, &key, at.vault.as_ref(), &missing)?)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", report.render());
    }
    Ok(())
}

/// `amount` in whole units with at most `decimals` decimals ("12", "0.25"), as native units, exactly.
pub fn parse_amount(amount: &str, decimals: u8) -> Result<u64> {
    let bad = || format!("{amount:?} is not an amount (whole units, e.g. 1000 or 2.5)");
    let (int, frac) = amount.trim().split_once('.').unwrap_or((amount.trim(), ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        bail!(bad());
    }
    if frac.len() > usize::from(decimals) {
        bail!("{amount} has more than {decimals} decimals (the mint's)");
    }
    let digits = format!("{int}{frac:0<width$}", width = usize::from(decimals));
    let native: u128 = digits.parse().with_context(bad)?;
    u64::try_from(native).with_context(|| format!("{amount} is more than a u64 of native units"))
}

/// `native` units with `decimals`, as whole units ("1000.5").
pub fn format_amount(native: u64, decimals: u8) -> String {
    let scale = 10u64.pow(u32::from(decimals));
    let frac = format!("{:0width$}", native % scale, width = usize::from(decimals));
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{}", native / scale)
    } else {
        format!("{}.{frac}", native / scale)
    }
}

/// A mint's token program and decimals, and its supply.
pub fn read_mint(rpc: &RpcClient, mint: &Pubkey) -> Result<(MintInfo, u64)> {
    use spl_token_2022::extension::StateWithExtensions;
    let acc = rpc
        .get_account(mint)
        .with_context(|| format!("fetching mint {mint}"))?;
    let m = StateWithExtensions::<spl_token_2022::state::Mint>::unpack(&acc.data)
        .with_context(|| format!("{mint} is not a token mint"))?;
    let info = MintInfo {
        program: acc.owner,
        decimals: m.base.decimals,
    };
    Ok((info, m.base.supply))
}

/// The (asset, oracle) accounts that price `position`'s collateral, in its entries' order.
fn pricing(rpc: &RpcClient, position: &Position) -> Result<Vec<Pubkey>> {
    let mut out = vec![];
    for e in position.active() {
        let asset: CollateralAsset = fetch(rpc, &e.asset)?;
        out.extend([e.asset, asset.oracle.account]);
    }
    Ok(out)
}

impl RoleCommand {
    fn at(&self) -> &At {
        match self {
            RoleCommand::Deposit { at, .. }
            | RoleCommand::Redeem { at, .. }
            | RoleCommand::CancelRedeem { at, .. }
            | RoleCommand::Claim { at, .. }
            | RoleCommand::Position { at, .. }
            | RoleCommand::Accrue { at }
            | RoleCommand::CloseEpoch { at } => at,
        }
    }
}

/// Runs a role command.
pub fn run(cmd: &RoleCommand) -> Result<()> {
    if let RoleCommand::Position {
        at,
        id,
        action:
            PositionAction::Show {
                owner,
                address,
                json,
            },
    } = cmd
    {
        return show_position(at, *id, *owner, *address, *json);
    }
    let At { vault, tx } = cmd.at();
    let vault = vault.context("--vault <VAULT> is required")?;
    let rpc = tx.rpc();
    let state: Vault = fetch(&rpc, &vault)?;
    let a = VaultAddresses::from_state(vault, &state);
    let dec = state.quote_decimals;
    let quote_account = |owner: &Pubkey| ata(owner, &a.quote_mint, &a.token_program);
    let shares_account = |owner: &Pubkey, t: Tranche| {
        ata(owner, &a.tranche_mints[t.index()], &TRANCHE_TOKEN_PROGRAM)
    };
    let create = |payer: &Pubkey, owner: &Pubkey, mint: &Pubkey, program: &Pubkey| {
        create_associated_token_account_idempotent(payer, owner, mint, program)
    };
    let ixs = |v: Vec<Instruction>| -> Result<Vec<Instruction>> { Ok(v) };
    match cmd {
        RoleCommand::Deposit {
            tranche,
            amount,
            slippage_bps,
            ..
        } => {
            let t = Tranche::from(*tranche);
            let amount = parse_amount(amount, dec)?;
            let (_, supply) = read_mint(&rpc, &a.tranche_mints[t.index()])?;
            // At the stored NAV: the deposit accrues first, which only raises the price, so this is an upper bound.
            let (expected, _) = state
                .tranche(t)
                .shares_for_deposit(amount, supply)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let min_shares = u64::try_from(
                u128::from(expected) * u128::from(BPS - u64::from(*slippage_bps)) / u128::from(BPS),
            )?;
            println!(
                "deposit {} into {t:?}: expecting {} tranche tokens, refusing fewer than {}",
                format_amount(amount, dec),
                format_amount(expected, dec),
                format_amount(min_shares, dec)
            );
            tx.submit(&rpc, |signer, payer| {
                let mint = a.tranche_mints[t.index()];
                let args = DepositArgs {
                    tranche: t,
                    amount,
                    min_shares,
                };
                ixs(vec![
                    create(&payer, &signer, &mint, &TRANCHE_TOKEN_PROGRAM),
                    a.deposit(
                        signer,
                        quote_account(&signer),
                        shares_account(&signer, t),
                        args,
                    ),
                ])
            })?;
        }
        RoleCommand::Redeem {
            tranche, shares, ..
        } => {
            let t = Tranche::from(*tranche);
            let shares = parse_amount(shares, dec)?;
            tx.submit(&rpc, |signer, _| {
                ixs(vec![a.request_redeem(
                    signer,
                    shares_account(&signer, t),
                    t,
                    shares,
                )])
            })?;
        }
        RoleCommand::CancelRedeem { tranche, .. } => {
            let t = Tranche::from(*tranche);
            tx.submit(&rpc, |signer, payer| {
                ixs(vec![
                    create(
                        &payer,
                        &signer,
                        &a.tranche_mints[t.index()],
                        &TRANCHE_TOKEN_PROGRAM,
                    ),
                    a.cancel_redeem(signer, shares_account(&signer, t), t),
                ])
            })?;
        }
        RoleCommand::Claim { tranche, .. } => {
            let t = Tranche::from(*tranche);
            let owner = tx.signer_key()?;
            let key = tranche_vault::pda::redemption(&vault, &owner, t).0;
            let request: RedemptionRequest = fetch(&rpc, &key)
                .with_context(|| format!("{owner} has no redemption request in {t:?}"))?;
            let current = state.tranche(t).queue_generation;
            let record = (request.shares > 0 && request.generation < current)
                .then(|| tranche_vault::pda::generation(&vault, t, request.generation).0);
            tx.submit(&rpc, |signer, payer| {
                ixs(vec![
                    create(&payer, &signer, &a.quote_mint, &a.token_program),
                    a.claim_redeem(signer, quote_account(&signer), t, record),
                ])
            })?;
        }
        RoleCommand::Accrue { .. } => {
            tx.submit(&rpc, |_, _| ixs(vec![a.accrue()]))?;
        }
        RoleCommand::CloseEpoch { .. } => {
            let generations = [0, 1, 2].map(|t| state.tranches[t].queue_generation);
            tx.submit(&rpc, |_, payer| {
                ixs(vec![a.close_epoch(payer, generations)])
            })?;
        }
        RoleCommand::Position { id, action, .. } => {
            let owner = tx.signer_key()?;
            let key = tranche_vault::pda::position(&vault, &owner, *id).0;
            let quote_oracle = state.quote_oracle.account;
            match action {
                PositionAction::Open => {
                    tx.submit(&rpc, |signer, payer| {
                        ixs(vec![a.open_position(payer, signer, *id)])
                    })?;
                }
                PositionAction::Deposit { mint, amount } => {
                    let (MintInfo { program, decimals }, _) = read_mint(&rpc, mint)?;
                    let amount = parse_amount(amount, decimals)?;
                    let asset = AssetAddresses::new(&vault, *mint, program);
                    tx.submit(&rpc, |signer, _| {
                        let from = ata(&signer, mint, &program);
                        ixs(vec![a.deposit_collateral(signer, key, &asset, from, amount)])
                    })?;
                }
                PositionAction::Withdraw { mint, amount } => {
                    let (MintInfo { program, decimals }, _) = read_mint(&rpc, mint)?;
                    let amount = parse_amount(amount, decimals)?;
                    let asset = AssetAddresses::new(&vault, *mint, program);
                    let position: Position = fetch(&rpc, &key)
                        .with_context(|| format!("{owner} has no position {id}"))?;
                    let pricing = pricing(&rpc, &position)?;
                    tx.submit(&rpc, |signer, payer| {
                        let to = ata(&signer, mint, &program);
                        ixs(vec![
                            create(&payer, &signer, mint, &program),
                            a.withdraw_collateral(
                                signer,
                                key,
                                &asset,
                                to,
                                quote_oracle,
                                &pricing,
                                amount,
                            ),
                        ])
                    })?;
                }
                PositionAction::Borrow { amount } => {
                    let amount = parse_amount(amount, dec)?;
                    let position: Position = fetch(&rpc, &key)
                        .with_context(|| format!("{owner} has no position {id}"))?;
                    let pricing = pricing(&rpc, &position)?;
                    tx.submit(&rpc, |signer, payer| {
                        ixs(vec![
                            create(&payer, &signer, &a.quote_mint, &a.token_program),
                            a.borrow(
                                signer,
                                key,
                                quote_account(&signer),
                                quote_oracle,
                                &pricing,
                                amount,
                            ),
                        ])
                    })?;
                }
                PositionAction::Repay { amount } => {
                    let amount = parse_amount(amount, dec)?;
                    tx.submit(&rpc, |signer, _| {
                        ixs(vec![a.repay(signer, key, quote_account(&signer), amount)])
                    })?;
                }
                // Handled before the vault is read (it may come from the position).
                PositionAction::Show { .. } => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{format_amount, parse_amount};

    #[test]
    fn amounts_convert_exactly() {
        assert_eq!(parse_amount("1000", 6).unwrap(), 1_000_000_000);
        assert_eq!(parse_amount("1000.5", 6).unwrap(), 1_000_500_000);
        assert_eq!(parse_amount(".25", 2).unwrap(), 25);
        assert_eq!(parse_amount("0.000000001", 9).unwrap(), 1);
        assert_eq!(parse_amount("18446744073709551615", 0).unwrap(), u64::MAX);
        for bad in ["", ".", "1,5", "-1", "1e3", "one", "1.2.3"] {
            assert!(parse_amount(bad, 6).is_err(), "{bad:?}");
        }
        let e = parse_amount("1.0000001", 6).unwrap_err().to_string();
        assert!(e.contains("more than 6 decimals"), "{e}");
        let e = parse_amount("18446744073709551616", 0)
            .unwrap_err()
            .to_string();
        assert!(e.contains("more than a u64"), "{e}");
        assert_eq!(format_amount(1_000_500_000, 6), "1000.5");
        assert_eq!(format_amount(7, 0), "7");
        assert_eq!(format_amount(1, 9), "0.000000001");
    }
}
