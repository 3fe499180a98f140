//! Governance subcommands: show the config and pending proposals; propose, execute and cancel changes; pause,
//! unpause, lower a cap; move the authority. Each builds its instruction through the program crate
//! (`tranche_vault::client`), then either signs with a keypair and sends it over RPC, or, with `--unsigned`,
//! prints the transaction message (base58 and base64) for a multisig such as Squads to import.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{AccountDeserialize, AnchorDeserialize, Discriminator};
use anyhow::{bail, Context, Result};
use clap::{Subcommand, ValueEnum};
use solana_rpc_client::rpc_client::RpcClient;
use tranche_vault::client::VaultAddresses;
use tranche_vault::constants::{PAUSE_BORROWS, PAUSE_DEPOSITS, PAUSE_REDEMPTION_REQUESTS};
use tranche_vault::oracle::{OracleKind, OracleSetting};
use tranche_vault::state::{CollateralParams, ConfigChange, Proposal, RateCurve, Tranche, Vault};
use tranche_vault::CapTarget;

pub use crate::send::{export_message, TxOpts};

#[derive(Subcommand, Debug)]
pub enum GovCommand {
    /// Show the vault's parameters, roles and pause flags, and its pending proposals.
    Show,
    /// Propose a timelocked change (signed by the authority).
    Propose {
        #[command(subcommand)]
        change: ChangeArg,
    },
    /// Execute a proposal whose ETA has passed (anyone).
    Execute {
        #[arg(long)]
        proposal_id: u64,
    },
    /// Cancel a pending proposal (the authority).
    Cancel {
        #[arg(long)]
        proposal_id: u64,
    },
    /// Pause deposits, borrows and/or redemption requests (guardian or authority).
    Pause {
        #[arg(long, value_delimiter = ',', required = true)]
        what: Vec<PauseWhat>,
    },
    /// Clear every pause flag (the authority).
    Unpause,
    /// Lower a tranche's deposit cap at once (guardian or authority).
    LowerCap {
        #[arg(long)]
        tranche: TrancheArg,
        /// New cap, native quote units.
        #[arg(long)]
        cap: u64,
    },
    /// First step of an authority transfer (the authority).
    ProposeAuthority {
        #[arg(long)]
        new_authority: Pubkey,
    },
    /// Second step: the new authority accepts.
    AcceptAuthority,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PauseWhat {
    Deposits,
    Borrows,
    Redemptions,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrancheArg {
    Senior,
    Mezzanine,
    Junior,
}

impl From<TrancheArg> for Tranche {
    fn from(t: TrancheArg) -> Tranche {
        match t {
            TrancheArg::Senior => Tranche::Senior,
            TrancheArg::Mezzanine => Tranche::Mezzanine,
            TrancheArg::Junior => Tranche::Junior,
        }
    }
}

/// The change to propose (see `ConfigChange`; bps and native units as the program takes them).
#[derive(Subcommand, Clone, Debug)]
pub enum ChangeArg {
    TargetApr {
        #[arg(long)]
        tranche: TrancheArg,
        #[arg(long)]
        bps: u16,
    },
    DepositCap {
        #[arg(long)]
        tranche: TrancheArg,
        #[arg(long)]
        cap: u64,
    },
    Subordination {
        #[arg(long)]
        min_junior_bps: u16,
        #[arg(long)]
        min_subordination_bps: u16,
    },
    RateCurve {
        #[arg(long)]
        base_bps: u32,
        #[arg(long)]
        slope1_bps: u32,
        #[arg(long)]
        slope2_bps: u32,
        #[arg(long)]
        optimal_bps: u32,
    },
    ProtocolFee {
        #[arg(long)]
        bps: u16,
    },
    EpochDuration {
        #[arg(long)]
        secs: u32,
    },
    MaxUtilization {
        #[arg(long)]
        bps: u16,
    },
    TimelockDelay {
        #[arg(long)]
        secs: u32,
    },
    /// Set the guardian, or remove it with --none.
    Guardian {
        #[arg(long, required_unless_present = "none")]
        guardian: Option<Pubkey>,
        #[arg(long)]
        none: bool,
    },
    /// Every risk parameter of a collateral asset (the oracle is a Pyth pull feed on --receiver).
    Collateral {
        /// The CollateralAsset account.
        #[arg(long)]
        asset: Pubkey,
        /// The Pyth feed id, 64 hex characters.
        #[arg(long)]
        feed: String,
        /// The price account to pin (default: Pyth's sponsored shard-0 feed account of --feed).
        #[arg(long)]
        price_account: Option<Pubkey>,
        #[arg(long, default_value_t = tranche_vault::oracle::PYTH_RECEIVER_ID)]
        receiver: Pubkey,
        #[arg(long)]
        max_age_secs: u32,
        #[arg(long)]
        max_conf_bps: u16,
        #[arg(long)]
        max_ltv_bps: u16,
        #[arg(long)]
        liquidation_threshold_bps: u16,
        #[arg(long)]
        liquidation_bonus_bps: u16,
        /// Deposit cap, native units of the mint.
        #[arg(long)]
        cap: u64,
        /// Leave deposits disabled.
        #[arg(long)]
        disabled: bool,
    },
    /// The quote asset's oracle (a Pyth pull feed on --receiver).
    QuoteOracle {
        /// The Pyth feed id, 64 hex characters.
        #[arg(long)]
        feed: String,
        /// The price account to pin (default: Pyth's sponsored shard-0 feed account of --feed).
        #[arg(long)]
        price_account: Option<Pubkey>,
        #[arg(long, default_value_t = tranche_vault::oracle::PYTH_RECEIVER_ID)]
        receiver: Pubkey,
        #[arg(long)]
        max_age_secs: u32,
        #[arg(long)]
        max_conf_bps: u16,
    },
}

/// A 32-byte feed id from 64 hex characters.
pub fn parse_feed(hex: &str) -> Result<[u8; 32]> {
    let hex = hex.trim_start_matches("0x");
    anyhow::ensure!(
        hex.len() == 64,
        "a feed id is 64 hex characters, got {}",
        hex.len()
    );
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).context("feed id: not hex")?;
    }
    Ok(out)
}

/// A Pyth pull oracle setting: the feed `feed` (64 hex characters) written by `receiver`, read from
/// `price_account`, by default the feed's sponsored shard-0 account.
fn pull_oracle(
    feed: &str,
    price_account: Option<Pubkey>,
    receiver: Pubkey,
    max_age_secs: u32,
    max_conf_bps: u16,
) -> Result<OracleSetting> {
    let feed_id = parse_feed(feed)?;
    Ok(OracleSetting {
        program: receiver,
        feed_id,
        account: price_account
            .unwrap_or_else(|| tranche_vault::oracle::pyth_push_feed_account(&feed_id, 0)),
        max_age_secs,
        max_conf_bps,
        kind: OracleKind::PythPull.to_u8(),
        _pad: 0,
    })
}

impl ChangeArg {
    pub fn to_change(&self) -> Result<ConfigChange> {
        Ok(match *self {
            ChangeArg::TargetApr { tranche, bps } => ConfigChange::TargetApr {
                tranche: tranche.into(),
                target_apr_bps: bps,
            },
            ChangeArg::DepositCap { tranche, cap } => ConfigChange::DepositCap {
                tranche: tranche.into(),
                cap,
            },
            ChangeArg::Subordination {
                min_junior_bps,
                min_subordination_bps,
            } => ConfigChange::Subordination {
                min_junior_bps,
                min_subordination_bps,
            },
            ChangeArg::RateCurve {
                base_bps,
                slope1_bps,
                slope2_bps,
                optimal_bps,
            } => ConfigChange::RateCurve {
                curve: RateCurve {
                    base_rate_bps: base_bps,
                    slope1_bps,
                    slope2_bps,
                    optimal_utilization_bps: optimal_bps,
                },
            },
            ChangeArg::ProtocolFee { bps } => ConfigChange::ProtocolFee {
                protocol_fee_bps: bps,
            },
            ChangeArg::EpochDuration { secs } => ConfigChange::EpochDuration {
                epoch_duration_secs: secs,
            },
            ChangeArg::MaxUtilization { bps } => ConfigChange::MaxUtilization {
                max_utilization_bps: bps,
            },
            ChangeArg::TimelockDelay { secs } => ConfigChange::TimelockDelay {
                timelock_delay_secs: secs,
            },
            ChangeArg::Guardian { guardian, none } => ConfigChange::Guardian {
                guardian: if none { None } else { guardian },
            },
            ChangeArg::Collateral {
                asset,
                ref feed,
                price_account,
                receiver,
                max_age_secs,
                max_conf_bps,
                max_ltv_bps,
                liquidation_threshold_bps,
                liquidation_bonus_bps,
                cap,
                disabled,
            } => ConfigChange::Collateral {
                asset,
                params: CollateralParams {
                    oracle: pull_oracle(feed, price_account, receiver, max_age_secs, max_conf_bps)?,
                    max_ltv_bps,
                    liquidation_threshold_bps,
                    liquidation_bonus_bps,
                    deposit_cap: cap,
                    enabled: !disabled,
                },
            },
            ChangeArg::QuoteOracle {
                ref feed,
                price_account,
                receiver,
                max_age_secs,
                max_conf_bps,
            } => ConfigChange::QuoteOracle {
                oracle: pull_oracle(feed, price_account, receiver, max_age_secs, max_conf_bps)?,
            },
        })
    }
}

/// The instruction a command needs, for the vault `state` at `vault`, with `signer` as the role that signs and
/// `payer` as the fee and rent payer; `proposal` is the proposal that `execute` and `cancel` name (its rent goes
/// back to its recorded payer, and a collateral change needs its asset).
pub fn instruction_for(
    cmd: &GovCommand,
    vault: Pubkey,
    state: &Vault,
    signer: Pubkey,
    payer: Pubkey,
    proposal: Option<&Proposal>,
) -> Result<Option<Instruction>> {
    let a = VaultAddresses::from_state(vault, state);
    let named = || proposal.context("execute and cancel need the proposal's account");
    Ok(Some(match cmd {
        GovCommand::Show => return Ok(None),
        GovCommand::Propose { change } => {
            let change = change.to_change()?;
            a.propose_config(
                payer,
                signer,
                state.next_proposal_id,
                change,
                change.asset(),
            )
        }
        GovCommand::Execute { proposal_id } => {
            let p = named()?;
            a.execute_config(*proposal_id, p.rent_payer, p.change.0.asset())
        }
        GovCommand::Cancel { proposal_id } => {
            a.cancel_config(signer, *proposal_id, named()?.rent_payer)
        }
        GovCommand::Pause { what } => {
            let mut flags = state.pause_flags;
            for w in what {
                flags |= match w {
                    PauseWhat::Deposits => PAUSE_DEPOSITS,
                    PauseWhat::Borrows => PAUSE_BORROWS,
                    PauseWhat::Redemptions => PAUSE_REDEMPTION_REQUESTS,
                };
            }
            a.set_pause(signer, flags)
        }
        GovCommand::Unpause => a.set_pause(signer, 0),
        GovCommand::LowerCap { tranche, cap } => {
            a.lower_cap(signer, CapTarget::Tranche((*tranche).into()), *cap, None)
        }
        GovCommand::ProposeAuthority { new_authority } => {
            a.propose_authority(signer, *new_authority)
        }
        GovCommand::AcceptAuthority => a.accept_authority(signer),
    }))
}

/// Human-readable config of a vault.
pub fn describe(vault: &Pubkey, v: &Vault, proposals: &[(Pubkey, Proposal)]) -> String {
    let p = v.params();
    let mut s = format!(
        "vault {vault}\n  authority {}\n  pending authority {}\n  guardian {}\n  pause flags {:#05b} (1 deposits, 2 borrows, 4 redemption requests)\n",
        v.authority, v.pending_authority, v.guardian, v.pause_flags
    );
    s += &format!(
        "  target APR bps: senior {} mezzanine {}\n  deposit caps (native): {:?}\n  min junior {} bps, min junior+mezzanine {} bps\n",
        p.senior_target_apr_bps, p.mezzanine_target_apr_bps, p.deposit_caps, p.min_junior_bps, p.min_subordination_bps
    );
    s += &format!(
        "  rate curve bps: base {} slope1 {} slope2 {} optimal {}\n  protocol fee {} bps, max utilization {} bps\n  epoch {} s, timelock delay {} s\n",
        p.rate_curve.base_rate_bps,
        p.rate_curve.slope1_bps,
        p.rate_curve.slope2_bps,
        p.rate_curve.optimal_utilization_bps,
        p.protocol_fee_bps,
        p.max_utilization_bps,
        p.epoch_duration_secs,
        p.timelock_delay_secs
    );
    if proposals.is_empty() {
        s += "  no pending proposals\n";
    }
    for (key, pr) in proposals {
        s += &format!(
            "  proposal {} ({key}): {:?}, ETA {} (unix s)\n",
            pr.proposal_id, pr.change.0, pr.eta
        );
    }
    s
}

/// The Anchor account `key` of type `T`, or an error naming it.
pub fn fetch<T: AccountDeserialize>(rpc: &RpcClient, key: &Pubkey) -> Result<T> {
    let data = rpc
        .get_account_data(key)
        .with_context(|| format!("fetching account {key} from the RPC"))?;
    crate::decode(&data, key)
}

/// The vault's pending proposals (of its last 50 ids; executed and cancelled ones are closed).
pub fn pending_proposals(
    rpc: &RpcClient,
    vault: &Pubkey,
    state: &Vault,
) -> Result<Vec<(Pubkey, Proposal)>> {
    proposals_in(
        &mut |keys| {
            rpc.get_multiple_accounts(keys)
                .context("fetching the proposals")
        },
        vault,
        state,
    )
}

/// [`pending_proposals`], reading through `read` (an RPC node's `getMultipleAccounts`, or the embedded chain).
pub fn proposals_in(
    read: &mut crate::vault_config::Reader,
    vault: &Pubkey,
    state: &Vault,
) -> Result<Vec<(Pubkey, Proposal)>> {
    let first = state.next_proposal_id.saturating_sub(50);
    let keys: Vec<Pubkey> = (first..state.next_proposal_id)
        .map(|id| tranche_vault::pda::proposal(vault, id).0)
        .collect();
    let accounts = read(&keys)?;
    Ok(keys
        .into_iter()
        .zip(accounts)
        .filter_map(|(k, a)| {
            let a = a?;
            a.data
                .starts_with(Proposal::DISCRIMINATOR)
                .then(|| Proposal::try_deserialize(&mut a.data.as_slice()).ok())
                .flatten()
                .map(|p| (k, p))
        })
        .collect())
}

/// Runs a governance command against `vault`.
pub fn run(cmd: &GovCommand, vault: Pubkey, tx: &TxOpts) -> Result<()> {
    let rpc = tx.rpc();
    let state: Vault = fetch(&rpc, &vault)?;
    if let GovCommand::Show = cmd {
        let proposals = pending_proposals(&rpc, &vault, &state)?;
        print!("{}", describe(&vault, &state, &proposals));
        return Ok(());
    }
    let proposal: Option<Proposal> = match cmd {
        GovCommand::Execute { proposal_id } | GovCommand::Cancel { proposal_id } => Some(fetch(
            &rpc,
            &tranche_vault::pda::proposal(&vault, *proposal_id).0,
        )?),
        _ => None,
    };
    tx.submit(&rpc, |signer, payer| {
        let ix = instruction_for(cmd, vault, &state, signer, payer, proposal.as_ref())?
            .context("nothing to send")?;
        if tx.unsigned {
            if let Ok(change) = decode_propose(&ix.data) {
                println!(
                    "propose_config {change:?} as proposal {}",
                    state.next_proposal_id
                );
            }
        }
        Ok(vec![ix])
    })?;
    Ok(())
}

/// Decodes a `propose_config` instruction's change (for tests and for reviewing an exported message).
pub fn decode_propose(data: &[u8]) -> Result<ConfigChange> {
    use anchor_lang::Discriminator as _;
    let disc = tranche_vault::instruction::ProposeConfig::DISCRIMINATOR;
    let Some(rest) = data.strip_prefix(disc) else {
        bail!("not a propose_config instruction");
    };
    let ix = tranche_vault::instruction::ProposeConfig::deserialize(&mut &rest[..])?;
    Ok(ix.change)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use bytemuck::Zeroable;
    use solana_transaction::Transaction;

    fn vault_state() -> Vault {
        let mut v = Vault::zeroed();
        v.authority = Pubkey::new_unique();
        v.quote_mint = Pubkey::new_unique();
        v.liquidity = Pubkey::new_unique();
        v.quote_token_program = anchor_lang::solana_program::pubkey::Pubkey::new_unique();
        v.next_proposal_id = 7;
        v
    }

    /// Builds the unsigned message a multisig would import, decodes it back, and finds the change in it.
    #[test]
    fn exported_propose_message_decodes_back() {
        let vault = Pubkey::new_unique();
        let state = vault_state();
        let squads_vault = Pubkey::new_unique();
        let member = Pubkey::new_unique();
        let cmd = GovCommand::Propose {
            change: ChangeArg::ProtocolFee { bps: 1_200 },
        };
        let ix = instruction_for(&cmd, vault, &state, squads_vault, member, None)
            .unwrap()
            .unwrap();
        let blockhash = "11111111111111111111111111111111";
        let (b58, b64) = export_message(&[ix], member, blockhash).unwrap();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&b64)
            .unwrap();
        assert_eq!(bs58::decode(&b58).into_vec().unwrap(), bytes);
        let tx = Transaction {
            signatures: vec![],
            message: bincode::deserialize(&bytes).unwrap(),
        };
        let m = &tx.message;
        assert_eq!(m.account_keys[0], member, "the member pays");
        assert_eq!(
            m.header.num_required_signatures, 2,
            "member and the multisig vault sign"
        );
        assert!(m.account_keys[..2].contains(&squads_vault));
        let ci = &m.instructions[0];
        assert_eq!(
            m.account_keys[ci.program_id_index as usize],
            tranche_vault::ID
        );
        assert_eq!(
            decode_propose(&ci.data).unwrap(),
            ConfigChange::ProtocolFee {
                protocol_fee_bps: 1_200
            }
        );
        // The proposal PDA is the vault's next one.
        let proposal = tranche_vault::pda::proposal(&vault, 7).0;
        assert!(m.account_keys.contains(&proposal));
    }

    #[test]
    fn pause_adds_flags_and_unpause_clears_them() {
        let vault = Pubkey::new_unique();
        let mut state = vault_state();
        state.pause_flags = PAUSE_DEPOSITS;
        let g = Pubkey::new_unique();
        let cmd = GovCommand::Pause {
            what: vec![PauseWhat::Borrows],
        };
        let ix = instruction_for(&cmd, vault, &state, g, g, None)
            .unwrap()
            .unwrap();
        let flags = u32::from_le_bytes(ix.data[8..12].try_into().unwrap());
        assert_eq!(flags, PAUSE_DEPOSITS | PAUSE_BORROWS);
        let ix = instruction_for(&GovCommand::Unpause, vault, &state, g, g, None)
            .unwrap()
            .unwrap();
        assert_eq!(u32::from_le_bytes(ix.data[8..12].try_into().unwrap()), 0);
    }

    /// Which kind of `ConfigChange` a change is. Exhaustive: a kind added to the program stops this test from
    /// compiling until the CLI and the test cover it.
    fn kind(c: &ConfigChange) -> usize {
        match c {
            ConfigChange::TargetApr { .. } => 0,
            ConfigChange::DepositCap { .. } => 1,
            ConfigChange::Subordination { .. } => 2,
            ConfigChange::RateCurve { .. } => 3,
            ConfigChange::ProtocolFee { .. } => 4,
            ConfigChange::EpochDuration { .. } => 5,
            ConfigChange::MaxUtilization { .. } => 6,
            ConfigChange::TimelockDelay { .. } => 7,
            ConfigChange::Guardian { .. } => 8,
            ConfigChange::Collateral { .. } => 9,
            ConfigChange::QuoteOracle { .. } => 10,
        }
    }
    const KINDS: usize = 11;

    /// Every kind of change, and every field of each, maps to the change the program takes (each field given a
    /// value no other field has, so a swap shows), and goes into a `propose_config` that decodes back to it, with
    /// the asset account exactly when the change names an asset.
    #[test]
    fn every_change_argument_maps_to_its_change() {
        let g = Pubkey::new_unique();
        let (asset, receiver, pinned) = (
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
        );
        // A feed id whose bytes all differ (0x00, 0x01, …, 0x1f), with and without the 0x prefix.
        let feed_id: [u8; 32] = std::array::from_fn(|i| i as u8);
        let feed: String = feed_id.iter().map(|b| format!("{b:02x}")).collect();
        let sponsored = tranche_vault::oracle::pyth_push_feed_account(&feed_id, 0);
        let oracle = |program, account, max_age_secs, max_conf_bps| OracleSetting {
            program,
            feed_id,
            account,
            max_age_secs,
            max_conf_bps,
            kind: OracleKind::PythPull.to_u8(),
            _pad: 0,
        };
        let cases = [
            (
                ChangeArg::TargetApr {
                    tranche: TrancheArg::Senior,
                    bps: 450,
                },
                ConfigChange::TargetApr {
                    tranche: Tranche::Senior,
                    target_apr_bps: 450,
                },
            ),
            (
                ChangeArg::TargetApr {
                    tranche: TrancheArg::Mezzanine,
                    bps: 700,
                },
                ConfigChange::TargetApr {
                    tranche: Tranche::Mezzanine,
                    target_apr_bps: 700,
                },
            ),
            (
                ChangeArg::DepositCap {
                    tranche: TrancheArg::Senior,
                    cap: 3,
                },
                ConfigChange::DepositCap {
                    tranche: Tranche::Senior,
                    cap: 3,
                },
            ),
            (
                ChangeArg::DepositCap {
                    tranche: TrancheArg::Mezzanine,
                    cap: 4,
                },
                ConfigChange::DepositCap {
                    tranche: Tranche::Mezzanine,
                    cap: 4,
                },
            ),
            (
                ChangeArg::DepositCap {
                    tranche: TrancheArg::Junior,
                    cap: 5,
                },
                ConfigChange::DepositCap {
                    tranche: Tranche::Junior,
                    cap: 5,
                },
            ),
            (
                ChangeArg::Subordination {
                    min_junior_bps: 1_000,
                    min_subordination_bps: 2_500,
                },
                ConfigChange::Subordination {
                    min_junior_bps: 1_000,
                    min_subordination_bps: 2_500,
                },
            ),
            (
                ChangeArg::RateCurve {
                    base_bps: 100,
                    slope1_bps: 400,
                    slope2_bps: 7_500,
                    optimal_bps: 8_000,
                },
                ConfigChange::RateCurve {
                    curve: RateCurve {
                        base_rate_bps: 100,
                        slope1_bps: 400,
                        slope2_bps: 7_500,
                        optimal_utilization_bps: 8_000,
                    },
                },
            ),
            (
                ChangeArg::ProtocolFee { bps: 1_200 },
                ConfigChange::ProtocolFee {
                    protocol_fee_bps: 1_200,
                },
            ),
            (
                ChangeArg::EpochDuration { secs: 86_400 },
                ConfigChange::EpochDuration {
                    epoch_duration_secs: 86_400,
                },
            ),
            (
                ChangeArg::MaxUtilization { bps: 9_000 },
                ConfigChange::MaxUtilization {
                    max_utilization_bps: 9_000,
                },
            ),
            (
                ChangeArg::TimelockDelay { secs: 60 },
                ConfigChange::TimelockDelay {
                    timelock_delay_secs: 60,
                },
            ),
            (
                ChangeArg::Guardian {
                    guardian: Some(g),
                    none: false,
                },
                ConfigChange::Guardian { guardian: Some(g) },
            ),
            (
                ChangeArg::Guardian {
                    guardian: None,
                    none: true,
                },
                ConfigChange::Guardian { guardian: None },
            ),
            // Every collateral field; the pinned account defaults to the feed's sponsored shard-0 account.
            (
                ChangeArg::Collateral {
                    asset,
                    feed: feed.clone(),
                    price_account: None,
                    receiver,
                    max_age_secs: 60,
                    max_conf_bps: 100,
                    max_ltv_bps: 6_500,
                    liquidation_threshold_bps: 7_500,
                    liquidation_bonus_bps: 500,
                    cap: 1_000,
                    disabled: false,
                },
                ConfigChange::Collateral {
                    asset,
                    params: CollateralParams {
                        oracle: oracle(receiver, sponsored, 60, 100),
                        max_ltv_bps: 6_500,
                        liquidation_threshold_bps: 7_500,
                        liquidation_bonus_bps: 500,
                        deposit_cap: 1_000,
                        enabled: true,
                    },
                },
            ),
            (
                ChangeArg::Collateral {
                    asset,
                    feed: format!("0x{feed}"),
                    price_account: Some(pinned),
                    receiver,
                    max_age_secs: 61,
                    max_conf_bps: 101,
                    max_ltv_bps: 6_501,
                    liquidation_threshold_bps: 7_501,
                    liquidation_bonus_bps: 501,
                    cap: 1_001,
                    disabled: true,
                },
                ConfigChange::Collateral {
                    asset,
                    params: CollateralParams {
                        oracle: oracle(receiver, pinned, 61, 101),
                        max_ltv_bps: 6_501,
                        liquidation_threshold_bps: 7_501,
                        liquidation_bonus_bps: 501,
                        deposit_cap: 1_001,
                        enabled: false,
                    },
                },
            ),
            (
                ChangeArg::QuoteOracle {
                    feed: feed.clone(),
                    price_account: None,
                    receiver,
                    max_age_secs: 30,
                    max_conf_bps: 50,
                },
                ConfigChange::QuoteOracle {
                    oracle: oracle(receiver, sponsored, 30, 50),
                },
            ),
            (
                ChangeArg::QuoteOracle {
                    feed: feed.clone(),
                    price_account: Some(pinned),
                    receiver,
                    max_age_secs: 31,
                    max_conf_bps: 51,
                },
                ConfigChange::QuoteOracle {
                    oracle: oracle(receiver, pinned, 31, 51),
                },
            ),
        ];
        let mut covered = [false; KINDS];
        for (arg, want) in cases {
            let change = arg.to_change().unwrap();
            assert_eq!(change, want, "{arg:?}");
            covered[kind(&change)] = true;
            let ix = instruction_for(
                &GovCommand::Propose { change: arg },
                Pubkey::new_unique(),
                &vault_state(),
                g,
                g,
                None,
            )
            .unwrap()
            .unwrap();
            assert_eq!(decode_propose(&ix.data).unwrap(), want);
            // A collateral change names its asset, so the proposal carries the asset account; no other does.
            assert_eq!(
                ix.accounts.iter().any(|m| m.pubkey == asset),
                matches!(want, ConfigChange::Collateral { .. }),
                "{want:?}"
            );
        }
        assert_eq!(covered, [true; KINDS], "every kind of change is covered");
        assert!(parse_feed("12").is_err());
        assert!(parse_feed(&"zz".repeat(32)).is_err());
    }
}
