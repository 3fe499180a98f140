//! `tranche vault plan | apply <config>`: a vault described in a TOML file (`migrations/<cluster>.toml`), brought
//! to it step by step. [`plan`] compares the file with the chain and lists the steps, a pure function of the two;
//! `apply` sends the first step that can be sent, reads the chain again and plans again, until only waiting (or
//! nothing) is left. So a second apply sends nothing, a changed parameter becomes a timelocked proposal, and a later
//! apply executes it once its ETA has passed. The authority moves to the file's `authority` last, and only when
//! nothing is pending (a proposal made before the authority changes is void).

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anyhow::{bail, Context, Result};
use serde::Deserialize;
use solana_account::Account;
use solana_rpc_client::rpc_client::RpcClient;
use tranche_vault::client::{AssetAddresses, InitializeVaultBuilder, VaultAddresses};
use tranche_vault::cpi::TokenMetadataArgs;
use tranche_vault::oracle::{OracleKind, OracleSetting, PYTH_RECEIVER_ID};
use tranche_vault::state::{
    CollateralAsset, CollateralParams, ConfigChange, Proposal, RateCurve, Tranche, Vault,
    VaultParams,
};
use tranche_vault::InitializeVaultArgs;

use crate::roles::{format_amount, parse_amount};
use crate::send::TxOpts;
use crate::status::{tranche_token, TrancheToken};

/// The file.
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub vault: VaultSection,
    pub quote_oracle: OracleConfig,
    pub params: ParamsConfig,
    pub tranches: TranchesConfig,
    #[serde(default)]
    pub collateral: Vec<CollateralConfig>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct VaultSection {
    pub quote_mint: String,
    /// The creator's id for this vault (one creator may run several on one quote mint).
    pub vault_id: u64,
    /// The creator: the first authority, and part of the vault address. The signer by default.
    pub creator: Option<String>,
    pub guardian: Option<String>,
    /// The final authority (a Squads vault PDA, say): proposed last, when nothing is pending; it accepts with
    /// `tranche gov accept-authority --unsigned`.
    pub authority: Option<String>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct OracleConfig {
    /// The Pyth feed id, 64 hex characters.
    pub feed_id: String,
    /// The pinned price account; the feed's sponsored shard-0 account by default.
    pub price_account: Option<String>,
    /// The Pyth Receiver that owns it; the canonical one by default.
    pub receiver: Option<String>,
    pub max_age_secs: u32,
    pub max_conf_bps: u16,
}

#[derive(Deserialize, Debug, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct RateCurveConfig {
    pub base_rate_bps: u32,
    pub slope1_bps: u32,
    pub slope2_bps: u32,
    pub optimal_utilization_bps: u32,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct ParamsConfig {
    pub senior_target_apr_bps: u16,
    pub mezzanine_target_apr_bps: u16,
    pub min_junior_bps: u16,
    pub min_subordination_bps: u16,
    pub protocol_fee_bps: u16,
    pub max_utilization_bps: u16,
    pub epoch_duration_secs: u32,
    pub timelock_delay_secs: u32,
    pub rate_curve: RateCurveConfig,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct TranchesConfig {
    pub senior: TrancheConfig,
    pub mezzanine: TrancheConfig,
    pub junior: TrancheConfig,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct TrancheConfig {
    pub name: String,
    pub symbol: String,
    #[serde(default)]
    pub uri: String,
    /// Whole quote units ("10000000").
    pub deposit_cap: String,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct CollateralConfig {
    pub mint: String,
    pub feed_id: String,
    pub price_account: Option<String>,
    pub receiver: Option<String>,
    pub max_age_secs: u32,
    pub max_conf_bps: u16,
    pub max_ltv_bps: u16,
    pub liquidation_threshold_bps: u16,
    pub liquidation_bonus_bps: u16,
    /// Whole units of the mint.
    pub deposit_cap: String,
    pub enabled: bool,
}

fn key(s: &str, what: &str) -> Result<Pubkey> {
    Pubkey::from_str(s.trim()).with_context(|| format!("{what}: {s:?} is not a public key"))
}

fn oracle(
    feed: &str,
    account: &Option<String>,
    receiver: &Option<String>,
    age: u32,
    conf: u16,
) -> Result<OracleSetting> {
    let feed_id = crate::governance::parse_feed(feed)?;
    Ok(OracleSetting {
        program: match receiver {
            Some(r) => key(r, "receiver")?,
            None => PYTH_RECEIVER_ID,
        },
        feed_id,
        account: match account {
            Some(a) => key(a, "price_account")?,
            None => tranche_vault::oracle::pyth_push_feed_account(&feed_id, 0),
        },
        max_age_secs: age,
        max_conf_bps: conf,
        kind: OracleKind::PythPull.to_u8(),
        _pad: 0,
    })
}

/// What a mint is on the chain: its token program and decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MintInfo {
    pub program: Pubkey,
    pub decimals: u8,
}

/// The file, resolved against the mints it names: every value as the program takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Desired {
    pub creator: Pubkey,
    pub quote_mint: Pubkey,
    pub quote: MintInfo,
    pub vault_id: u64,
    pub guardian: Option<Pubkey>,
    pub authority: Option<Pubkey>,
    pub params: VaultParams,
    pub quote_oracle: OracleSetting,
    pub metadata: [TokenMetadataArgs; 3],
    /// mint → (its program and decimals, params).
    pub collateral: BTreeMap<Pubkey, (MintInfo, CollateralParams)>,
}

impl Config {
    pub fn read(path: &Path) -> Result<Config> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("{} is not a vault config", path.display()))
    }

    /// Every value as the program takes it; `mint` says what a mint is (its program, decimals).
    pub fn resolve(
        &self,
        signer: Pubkey,
        mint: impl Fn(&Pubkey) -> Result<MintInfo>,
    ) -> Result<Desired> {
        let v = &self.vault;
        let quote_mint = key(&v.quote_mint, "vault.quote_mint")?;
        let quote = mint(&quote_mint)?;
        let t = [
            &self.tranches.senior,
            &self.tranches.mezzanine,
            &self.tranches.junior,
        ];
        let mut caps = [0u64; 3];
        for (cap, c) in caps.iter_mut().zip(t) {
            *cap =
                parse_amount(&c.deposit_cap, quote.decimals).context("a tranche's deposit_cap")?;
        }
        let p = &self.params;
        let params = VaultParams {
            senior_target_apr_bps: p.senior_target_apr_bps,
            mezzanine_target_apr_bps: p.mezzanine_target_apr_bps,
            deposit_caps: caps,
            min_junior_bps: p.min_junior_bps,
            min_subordination_bps: p.min_subordination_bps,
            protocol_fee_bps: p.protocol_fee_bps,
            max_utilization_bps: p.max_utilization_bps,
            rate_curve: RateCurve {
                base_rate_bps: p.rate_curve.base_rate_bps,
                slope1_bps: p.rate_curve.slope1_bps,
                slope2_bps: p.rate_curve.slope2_bps,
                optimal_utilization_bps: p.rate_curve.optimal_utilization_bps,
            },
            epoch_duration_secs: p.epoch_duration_secs,
            timelock_delay_secs: p.timelock_delay_secs,
        };
        params
            .validate()
            .map_err(|e| anyhow::anyhow!("[params]: {e}"))?;
        let q = &self.quote_oracle;
        let quote_oracle = oracle(
            &q.feed_id,
            &q.price_account,
            &q.receiver,
            q.max_age_secs,
            q.max_conf_bps,
        )?;
        quote_oracle
            .validate()
            .map_err(|e| anyhow::anyhow!("[quote_oracle]: {e}"))?;
        let metadata = t.map(|c| TokenMetadataArgs {
            name: c.name.clone(),
            symbol: c.symbol.clone(),
            uri: c.uri.clone(),
        });
        for m in &metadata {
            m.validate()
                .map_err(|e| anyhow::anyhow!("[tranches] {:?}: {e}", m.name))?;
        }
        let mut collateral = BTreeMap::new();
        for c in &self.collateral {
            let m = key(&c.mint, "collateral.mint")?;
            let info = mint(&m)?;
            let params = CollateralParams {
                oracle: oracle(
                    &c.feed_id,
                    &c.price_account,
                    &c.receiver,
                    c.max_age_secs,
                    c.max_conf_bps,
                )?,
                max_ltv_bps: c.max_ltv_bps,
                liquidation_threshold_bps: c.liquidation_threshold_bps,
                liquidation_bonus_bps: c.liquidation_bonus_bps,
                deposit_cap: parse_amount(&c.deposit_cap, info.decimals)
                    .context("a collateral's deposit_cap")?,
                enabled: c.enabled,
            };
            params
                .validate()
                .map_err(|e| anyhow::anyhow!("[[collateral]] {m}: {e}"))?;
            if collateral.insert(m, (info, params)).is_some() {
                bail!("[[collateral]] lists {m} twice");
            }
        }
        let opt = |s: &Option<String>, what| s.as_deref().map(|s| key(s, what)).transpose();
        Ok(Desired {
            creator: opt(&v.creator, "vault.creator")?.unwrap_or(signer),
            quote_mint,
            quote,
            vault_id: v.vault_id,
            guardian: opt(&v.guardian, "vault.guardian")?,
            authority: opt(&v.authority, "vault.authority")?,
            params,
            quote_oracle,
            metadata,
            collateral,
        })
    }
}

/// What the chain holds of the vault.
#[derive(Clone, Debug, Default)]
pub struct Chain {
    pub vault: Option<Vault>,
    /// The tranche tokens (senior, mezzanine, junior): their supply and token metadata.
    pub metadata: Vec<TrancheToken>,
    pub assets: BTreeMap<Pubkey, CollateralAsset>,
    pub proposals: Vec<Proposal>,
    pub now: i64,
}

/// One step toward the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Initialize(Box<InitializeVaultArgs>),
    Rename {
        tranche: Tranche,
        metadata: TokenMetadataArgs,
    },
    /// List a collateral asset, disabled with cap 0 (the program's rule); its params follow by proposal.
    List {
        mint: Pubkey,
        program: Pubkey,
    },
    Propose(ConfigChange),
    Execute {
        proposal_id: u64,
        change: ConfigChange,
        rent_payer: Pubkey,
    },
    Wait {
        proposal_id: u64,
        change: ConfigChange,
        eta: i64,
    },
    /// `close_epoch` (permissionless): a change that loosens risk executes only after an epoch close at least
    /// an epoch after its proposal (the depositors' exit window), and none has happened yet.
    CloseEpoch,
    HandAuthority(Pubkey),
}

impl Step {
    /// A step that sends something (not a wait).
    pub fn sends(&self) -> bool {
        !matches!(self, Step::Wait { .. })
    }

    pub fn describe(&self, d: &Desired) -> String {
        let dec = d.quote.decimals;
        match self {
            Step::Initialize(a) => format!(
                "initialize_vault {} on {} (id {}), after its 3 initialize_tranche, caps {}",
                tranche_vault::pda::vault(&d.creator, &d.quote_mint, a.vault_id).0,
                d.quote_mint,
                a.vault_id,
                a.params
                    .deposit_caps
                    .map(|c| format_amount(c, dec))
                    .join(" / ")
            ),
            Step::Rename { tranche, metadata } => {
                format!(
                    "update_tranche_metadata {tranche:?}: {:?} {:?} {:?}",
                    metadata.name, metadata.symbol, metadata.uri
                )
            }
            Step::List { mint, .. } => {
                format!("add_collateral_asset {mint} (listed disabled, cap 0)")
            }
            Step::Propose(c) => format!("propose_config {c:?} (timelocked)"),
            Step::Execute {
                proposal_id,
                change,
                ..
            } => format!("execute_config {proposal_id}: {change:?}"),
            Step::Wait {
                proposal_id,
                change,
                eta,
            } => {
                format!("wait: proposal {proposal_id} ({change:?}) executes from {eta} (unix s)")
            }
            Step::CloseEpoch => {
                "close_epoch (a change that loosens risk executes after an epoch close; anyone may close)"
                    .into()
            }
            Step::HandAuthority(k) => {
                format!("propose_authority {k} (it accepts with `tranche gov accept-authority`)")
            }
        }
    }

    /// The instructions of a step (none for one that does not send), for `signer` (the authority) and `payer`, on
    /// the chain as it is. Creating the vault is four, its three tranches and then the vault, in one transaction.
    pub fn instructions(
        &self,
        d: &Desired,
        chain: &Chain,
        signer: Pubkey,
        payer: Pubkey,
    ) -> Result<Vec<Instruction>> {
        let vault = tranche_vault::pda::vault(&d.creator, &d.quote_mint, d.vault_id).0;
        if let Step::Initialize(args) = self {
            let b = InitializeVaultBuilder::new(
                payer,
                signer,
                d.quote_mint,
                d.quote.program,
                (**args).clone(),
                d.metadata.clone(),
            );
            return Ok(b.instructions());
        }
        let state = chain
            .vault
            .as_ref()
            .context("the vault does not exist yet")?;
        let a = VaultAddresses::from_state(vault, state);
        Ok(vec![match self {
            Step::Initialize(_) | Step::Wait { .. } => return Ok(vec![]),
            Step::Rename { tranche, metadata } => {
                a.update_tranche_metadata(signer, payer, *tranche, metadata.clone())
            }
            Step::List { mint, program } => {
                let disabled = CollateralParams {
                    deposit_cap: 0,
                    enabled: false,
                    ..d.collateral[mint].1
                };
                a.add_collateral_asset(
                    payer,
                    signer,
                    &AssetAddresses::new(&vault, *mint, *program),
                    disabled,
                )
            }
            Step::Propose(c) => {
                a.propose_config(payer, signer, state.next_proposal_id, *c, c.asset())
            }
            Step::Execute {
                proposal_id,
                change,
                rent_payer,
            } => a.execute_config(*proposal_id, *rent_payer, change.asset()),
            Step::CloseEpoch => {
                a.close_epoch(payer, [0, 1, 2].map(|t| state.tranches[t].queue_generation))
            }
            Step::HandAuthority(k) => a.propose_authority(signer, *k),
        }])
    }
}

/// The steps from `chain` to `d`, in order: create the vault; rename tranche tokens; list new collateral; propose
/// each parameter that differs, unless a pending proposal already carries exactly that change (then execute it once
/// its ETA has passed, or wait; a change that loosens risk also waits for an epoch close an epoch after its
/// proposal, which the plan sends once the epoch has ended); and, when nothing else is left, hand the authority
/// over.
pub fn plan(d: &Desired, chain: &Chain) -> Vec<Step> {
    let vault_key = tranche_vault::pda::vault(&d.creator, &d.quote_mint, d.vault_id).0;
    let Some(v) = &chain.vault else {
        let mut steps = vec![Step::Initialize(Box::new(InitializeVaultArgs {
            vault_id: d.vault_id,
            guardian: d.guardian,
            params: d.params,
            quote_oracle: d.quote_oracle,
        }))];
        steps.extend(d.collateral.iter().map(|(mint, (info, _))| Step::List {
            mint: *mint,
            program: info.program,
        }));
        return steps;
    };
    let mut steps = vec![];
    for (i, (want, have)) in d.metadata.iter().zip(&chain.metadata).enumerate() {
        if (&want.name, &want.symbol, &want.uri) != (&have.name, &have.symbol, &have.uri) {
            steps.push(Step::Rename {
                tranche: Tranche::ALL[i],
                metadata: want.clone(),
            });
        }
    }
    let mut changes = param_changes(&v.params(), &d.params);
    let guardian = (v.guardian != Pubkey::default()).then_some(v.guardian);
    if guardian != d.guardian {
        changes.push(ConfigChange::Guardian {
            guardian: d.guardian,
        });
    }
    if v.quote_oracle != d.quote_oracle {
        changes.push(ConfigChange::QuoteOracle {
            oracle: d.quote_oracle,
        });
    }
    for (mint, (info, params)) in &d.collateral {
        let asset = tranche_vault::pda::collateral_asset(&vault_key, mint).0;
        match chain.assets.get(&asset) {
            None => steps.push(Step::List {
                mint: *mint,
                program: info.program,
            }),
            Some(a) if a.params() != *params => changes.push(ConfigChange::Collateral {
                asset,
                params: *params,
            }),
            Some(_) => {}
        }
    }
    // Saturated: a vault whose epoch end overflows is one the plan waits on for ever (the program refuses it too).
    let epoch_end = v.epoch_end_ts().unwrap_or(i64::MAX);
    for change in changes {
        match chain.proposals.iter().find(|p| p.change.0 == change) {
            // The program's exit window (`execute_config`'s `check_exit_window`): an epoch must have closed at
            // least an epoch after the proposal.
            Some(p)
                if chain.now >= p.eta
                    && change.needs_exit_window(
                        &v.params(),
                        exit_window_asset(chain, &change).as_ref(),
                    )
                    && matches!(p.epoch_closed_since(v), Ok(false)) =>
            {
                if chain.now < epoch_end {
                    steps.push(Step::Wait {
                        proposal_id: p.proposal_id,
                        change,
                        eta: epoch_end,
                    });
                } else if !steps.contains(&Step::CloseEpoch) {
                    steps.push(Step::CloseEpoch);
                }
            }
            Some(p) if chain.now >= p.eta => steps.push(Step::Execute {
                proposal_id: p.proposal_id,
                change,
                rent_payer: p.rent_payer,
            }),
            Some(p) => steps.push(Step::Wait {
                proposal_id: p.proposal_id,
                change,
                eta: p.eta,
            }),
            None => steps.push(Step::Propose(change)),
        }
    }
    if let Some(k) = d.authority {
        if steps.is_empty() && v.authority != k && v.pending_authority != k {
            steps.push(Step::HandAuthority(k));
        }
    }
    steps
}

/// The timelocked changes that take `have` to `want`, one per kind of change.
pub fn param_changes(have: &VaultParams, want: &VaultParams) -> Vec<ConfigChange> {
    let mut out = vec![];
    if have.senior_target_apr_bps != want.senior_target_apr_bps {
        out.push(ConfigChange::TargetApr {
            tranche: Tranche::Senior,
            target_apr_bps: want.senior_target_apr_bps,
        });
    }
    if have.mezzanine_target_apr_bps != want.mezzanine_target_apr_bps {
        out.push(ConfigChange::TargetApr {
            tranche: Tranche::Mezzanine,
            target_apr_bps: want.mezzanine_target_apr_bps,
        });
    }
    for t in Tranche::ALL {
        if have.deposit_caps[t.index()] != want.deposit_caps[t.index()] {
            out.push(ConfigChange::DepositCap {
                tranche: t,
                cap: want.deposit_caps[t.index()],
            });
        }
    }
    if (have.min_junior_bps, have.min_subordination_bps)
        != (want.min_junior_bps, want.min_subordination_bps)
    {
        out.push(ConfigChange::Subordination {
            min_junior_bps: want.min_junior_bps,
            min_subordination_bps: want.min_subordination_bps,
        });
    }
    if have.rate_curve != want.rate_curve {
        out.push(ConfigChange::RateCurve {
            curve: want.rate_curve,
        });
    }
    if have.protocol_fee_bps != want.protocol_fee_bps {
        out.push(ConfigChange::ProtocolFee {
            protocol_fee_bps: want.protocol_fee_bps,
        });
    }
    if have.epoch_duration_secs != want.epoch_duration_secs {
        out.push(ConfigChange::EpochDuration {
            epoch_duration_secs: want.epoch_duration_secs,
        });
    }
    if have.max_utilization_bps != want.max_utilization_bps {
        out.push(ConfigChange::MaxUtilization {
            max_utilization_bps: want.max_utilization_bps,
        });
    }
    if have.timelock_delay_secs != want.timelock_delay_secs {
        out.push(ConfigChange::TimelockDelay {
            timelock_delay_secs: want.timelock_delay_secs,
        });
    }
    out
}

/// Reads accounts by key, `None` where there is none: an RPC node's `getMultipleAccounts`, or the embedded chain.
pub type Reader<'a> = dyn FnMut(&[Pubkey]) -> Result<Vec<Option<Account>>> + 'a;

/// The listed parameters of the asset a collateral change is about (what `needs_exit_window` compares with).
fn exit_window_asset(chain: &Chain, change: &ConfigChange) -> Option<CollateralParams> {
    chain
        .assets
        .get(&change.asset()?)
        .map(CollateralAsset::params)
}

/// The chain's side of the plan: the vault, its tranche tokens' metadata, its listed assets (of the file's
/// mints), its pending proposals, the clock.
pub fn read_chain(rpc: &RpcClient, d: &Desired) -> Result<Chain> {
    read_chain_with(
        &mut |keys| {
            rpc.get_multiple_accounts(keys)
                .context("reading the vault's accounts")
        },
        d,
    )
}

/// [`read_chain`] through `read`.
pub fn read_chain_with(read: &mut Reader, d: &Desired) -> Result<Chain> {
    use anchor_lang::prelude::Clock;
    use anchor_lang::solana_program::sysvar::SysvarId;
    let mut one =
        |key: Pubkey| -> Result<Option<Account>> { Ok(read(&[key])?.into_iter().next().flatten()) };
    let vault_key = tranche_vault::pda::vault(&d.creator, &d.quote_mint, d.vault_id).0;
    let clock = one(Clock::id())?.context("the chain has no Clock sysvar")?;
    let clock: Clock = bincode::deserialize(&clock.data).context("decoding the Clock sysvar")?;
    let mut chain = Chain {
        now: clock.unix_timestamp,
        ..Chain::default()
    };
    let Some(acc) = one(vault_key)? else {
        return Ok(chain);
    };
    let v: Vault = crate::decode(&acc.data, &vault_key)?;
    for m in v.tranche_mints() {
        let acc = one(m)?.with_context(|| format!("tranche mint {m} does not exist"))?;
        chain
            .metadata
            .push(tranche_token(&m, &acc.owner, &acc.data)?);
    }
    for mint in d.collateral.keys() {
        let asset = tranche_vault::pda::collateral_asset(&vault_key, mint).0;
        if let Some(acc) = one(asset)? {
            chain
                .assets
                .insert(asset, crate::decode(&acc.data, &asset)?);
        }
    }
    chain.proposals = crate::governance::proposals_in(read, &vault_key, &v)?
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    chain.vault = Some(v);
    Ok(chain)
}

/// `tranche vault plan` (`apply = false`) or `apply`.
pub fn run(config: &Path, apply: bool, tx: &TxOpts) -> Result<()> {
    let rpc = tx.rpc();
    let signer = tx.signer_key()?;
    let d = Config::read(config)?.resolve(signer, |m| Ok(crate::roles::read_mint(&rpc, m)?.0))?;
    let vault = tranche_vault::pda::vault(&d.creator, &d.quote_mint, d.vault_id).0;
    println!("vault {vault} ({})", config.display());
    let mut sent: Vec<Step> = vec![];
    loop {
        let chain = read_chain(&rpc, &d)?;
        let steps = plan(&d, &chain);
        if !apply || steps.iter().all(|s| !s.sends()) {
            if steps.is_empty() {
                println!("up to date: nothing to send");
            }
            for s in &steps {
                println!("{} {}", if s.sends() { "-" } else { "·" }, s.describe(&d));
            }
            return Ok(());
        }
        let Some(step) = steps.into_iter().find(Step::sends) else {
            return Ok(());
        };
        if sent.contains(&step) {
            bail!(
                "{} was sent, and the chain still needs it: stopping",
                step.describe(&d)
            );
        }
        println!("> {}", step.describe(&d));
        tx.submit(&rpc, |signer, payer| {
            step.instructions(&d, &chain, signer, payer)
        })?;
        if tx.unsigned {
            println!("(--unsigned: the steps after this one depend on it; apply again once it has executed)");
            return Ok(());
        }
        sent.push(step);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytemuck::Zeroable;

    fn desired() -> Desired {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/devnet.toml");
        let config = Config::read(&path).expect("devnet.toml reads");
        config
            .resolve(Pubkey::new_unique(), |_| {
                Ok(MintInfo {
                    program: anchor_spl::token::ID,
                    decimals: 6,
                })
            })
            .expect("devnet.toml resolves")
    }

    /// The chain once `d` is fully applied.
    fn applied(d: &Desired) -> Chain {
        let mut v = Vault::zeroed();
        v.set_params(&d.params);
        v.quote_oracle = d.quote_oracle;
        v.guardian = d.guardian.unwrap_or_default();
        v.authority = d.creator;
        let vault = tranche_vault::pda::vault(&d.creator, &d.quote_mint, d.vault_id).0;
        let assets = d
            .collateral
            .iter()
            .map(|(mint, (_, p))| {
                let mut a = CollateralAsset::default();
                a.set_params(p);
                (tranche_vault::pda::collateral_asset(&vault, mint).0, a)
            })
            .collect();
        let metadata = d
            .metadata
            .iter()
            .map(|m| TrancheToken {
                supply: 0,
                decimals: 6,
                name: m.name.clone(),
                symbol: m.symbol.clone(),
                uri: m.uri.clone(),
            })
            .collect();
        Chain {
            vault: Some(v),
            metadata,
            assets,
            proposals: vec![],
            now: 1_000_000,
        }
    }

    fn proposal(id: u64, change: ConfigChange, eta: i64) -> Proposal {
        Proposal {
            vault: Pubkey::default(),
            proposal_id: id,
            proposer: Pubkey::default(),
            rent_payer: Pubkey::default(),
            change: tranche_vault::state::ConfigChangeSpace(change),
            eta,
            created_ts: 0,
            bump: 0,
        }
    }

    #[test]
    fn a_new_vault_is_created_then_its_collateral_listed() {
        let d = desired();
        let steps = plan(&d, &Chain::default());
        assert!(
            matches!(&steps[0], Step::Initialize(a) if a.params == d.params && a.vault_id == d.vault_id)
        );
        assert!(matches!(steps[1], Step::List { .. }));
        assert_eq!(steps.len(), 2);
    }

    #[test]
    fn an_applied_vault_needs_nothing() {
        let d = desired();
        assert_eq!(plan(&d, &applied(&d)), vec![]);
    }

    #[test]
    fn a_changed_parameter_is_proposed_then_waits_then_executes() {
        let mut d = desired();
        let chain = applied(&d);
        d.params.protocol_fee_bps = 1_200;
        let change = ConfigChange::ProtocolFee {
            protocol_fee_bps: 1_200,
        };
        assert_eq!(plan(&d, &chain), vec![Step::Propose(change)]);
        let wait = |eta| {
            vec![Step::Wait {
                proposal_id: 4,
                change,
                eta,
            }]
        };
        let mut pending = chain.clone();
        pending.proposals = vec![proposal(4, change, chain.now + 10)];
        assert_eq!(plan(&d, &pending), wait(chain.now + 10));
        pending.now += 10;
        // A raised fee loosens risk: it waits for an epoch close at least an epoch after its proposal, which the
        // plan sends once the current epoch has ended, then executes.
        let epoch = i64::from(d.params.epoch_duration_secs);
        pending.proposals[0].created_ts = chain.now - epoch;
        let v = pending.vault.as_mut().expect("a vault");
        v.epoch_start_ts = pending.now - epoch + 5;
        assert_eq!(
            plan(&d, &pending),
            wait(pending.now + 5),
            "the epoch has not ended"
        );
        pending.now += 5;
        assert_eq!(plan(&d, &pending), vec![Step::CloseEpoch]);
        let v = pending.vault.as_mut().expect("a vault");
        v.epoch_start_ts = pending.now;
        assert_eq!(
            plan(&d, &pending),
            vec![Step::Execute {
                proposal_id: 4,
                change,
                rent_payer: Pubkey::default()
            }]
        );
    }

    /// `apply`'s loop on the embedded chain (LiteSVM, the SBF build), where time can pass at once: each step the
    /// plan sends goes in a real transaction, the chain is read again, until only waiting is left. Returns the
    /// steps sent and the steps left. The price accounts are republished before each step, as Pyth keeps them.
    fn apply_embedded(
        rt: &tokio::runtime::Runtime,
        env: &mut embedded_chain::TestEnv,
        d: &Desired,
    ) -> (Vec<Step>, Vec<Step>) {
        let payer = env.payer();
        let mut sent = vec![];
        loop {
            let now = rt.block_on(env.now());
            let mut feeds = vec![(d.quote_oracle, 100_000_000)];
            feeds.extend(
                d.collateral
                    .values()
                    .map(|(_, p)| (p.oracle, 15_000_000_000)),
            );
            for (o, price) in feeds {
                env.set_price_update(
                    o.account,
                    o.feed_id,
                    price,
                    price as u64 / 10_000,
                    -8,
                    now,
                    true,
                );
            }
            let chain = read_chain_with(
                &mut |keys| Ok(keys.iter().map(|k| rt.block_on(env.account(*k))).collect()),
                d,
            )
            .expect("the chain reads");
            let steps = plan(d, &chain);
            let Some(step) = steps.iter().find(|s| s.sends()).cloned() else {
                return (sent, steps);
            };
            assert!(!sent.contains(&step), "sent again: {step:?}");
            let ixs = step
                .instructions(d, &chain, payer, payer)
                .expect("the step's instructions");
            assert!(!ixs.is_empty(), "a step that sends: {step:?}");
            rt.block_on(env.send_unique(&ixs, &[])).expect_ok();
            sent.push(step);
        }
    }

    /// What `tranche vault apply migrations/localnet.toml` does over time, on the embedded chain with its clock
    /// warped (the validator test, `tests/roles.rs`, cannot wait out a 2-day timelock): the first apply creates the
    /// vault, lists the collateral disabled and proposes its parameters; executing before the ETA is refused by
    /// name; once the ETA has passed, apply closes the epoch (enabling collateral loosens risk: the program executes
    /// it only after an epoch close an epoch after the proposal) and executes the proposal, and the chain matches
    /// the file. A raised fee then goes the same way.
    #[test]
    fn apply_executes_each_timelocked_change_once_its_eta_passes() {
        use embedded_chain::{Mode, TestEnv};
        use tranche_vault::errors::VaultError;
        let rt = tokio::runtime::Runtime::new().expect("a runtime");
        let mut env = rt.block_on(TestEnv::new(Mode::Lite));
        let quote = rt.block_on(env.create_mint(anchor_spl::token::ID, 6));
        let sol = rt.block_on(env.create_mint(anchor_spl::token::ID, 9));
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/localnet.toml");
        let mut config = Config::read(&path).expect("localnet.toml reads");
        config.vault.quote_mint = quote.to_string();
        config.collateral[0].mint = sol.to_string();
        let mut d = config
            .resolve(env.payer(), |m| {
                Ok(MintInfo {
                    program: anchor_spl::token::ID,
                    decimals: if *m == quote { 6 } else { 9 },
                })
            })
            .expect("localnet.toml resolves");
        let vault = tranche_vault::pda::vault(&d.creator, &d.quote_mint, d.vault_id).0;
        let asset = tranche_vault::pda::collateral_asset(&vault, &sol).0;

        let (sent, left) = apply_embedded(&rt, &mut env, &d);
        assert!(
            matches!(
                sent.as_slice(),
                [Step::Initialize(_), Step::List { .. }, Step::Propose(c)] if c.asset() == Some(asset)
            ),
            "{sent:?}"
        );
        let [Step::Wait {
            proposal_id,
            change,
            eta,
        }] = left.as_slice()
        else {
            panic!("the proposal waits for its timelock: {left:?}")
        };
        let v: Vault = rt.block_on(env.anchor_account(vault));
        let early = VaultAddresses::from_state(vault, &v).execute_config(
            *proposal_id,
            env.payer(),
            change.asset(),
        );
        rt.block_on(env.send_unique(&[early], &[]))
            .expect_error(VaultError::TimelockNotElapsed);
        let now = rt.block_on(env.now());
        rt.block_on(env.warp(eta - now));
        let (sent, left) = apply_embedded(&rt, &mut env, &d);
        assert!(
            matches!(
                sent.as_slice(),
                [Step::CloseEpoch, Step::Execute { proposal_id: p, .. }] if p == proposal_id
            ),
            "enabling collateral loosens risk: an epoch close first, then the execute: {sent:?}"
        );
        assert_eq!(left, vec![], "the chain matches the file");
        let listed: CollateralAsset = rt.block_on(env.anchor_account(asset));
        assert_eq!(listed.params(), d.collateral[&sol].1);
        assert!(listed.params().enabled);

        d.params.protocol_fee_bps = 1_200;
        let (sent, left) = apply_embedded(&rt, &mut env, &d);
        let change = ConfigChange::ProtocolFee {
            protocol_fee_bps: 1_200,
        };
        assert_eq!(sent, vec![Step::Propose(change)]);
        let [Step::Wait { eta, .. }] = left.as_slice() else {
            panic!("the fee waits for its timelock: {left:?}")
        };
        let v: Vault = rt.block_on(env.anchor_account(vault));
        assert_eq!(v.params().protocol_fee_bps, 1_000, "not before its ETA");
        let now = rt.block_on(env.now());
        rt.block_on(env.warp(eta - now));
        let (sent, left) = apply_embedded(&rt, &mut env, &d);
        assert!(
            matches!(sent.as_slice(), [Step::CloseEpoch, Step::Execute { .. }]),
            "{sent:?}"
        );
        assert_eq!(left, vec![]);
        let v: Vault = rt.block_on(env.anchor_account(vault));
        assert_eq!(v.params().protocol_fee_bps, 1_200);
    }

    #[test]
    fn each_kind_of_difference_has_its_step() {
        let mut d = desired();
        let chain = applied(&d);
        d.metadata[2].name = "Junior (renamed)".into();
        d.params.deposit_caps[0] += 1;
        d.params.rate_curve.slope2_bps += 1;
        d.guardian = Some(Pubkey::new_unique());
        let (mint, (_, p)) = d.collateral.iter_mut().next().expect("an asset");
        p.max_ltv_bps -= 100;
        let mint = *mint;
        let steps = plan(&d, &chain);
        let vault = tranche_vault::pda::vault(&d.creator, &d.quote_mint, d.vault_id).0;
        assert_eq!(
            steps,
            vec![
                Step::Rename {
                    tranche: Tranche::Junior,
                    metadata: d.metadata[2].clone()
                },
                Step::Propose(ConfigChange::DepositCap {
                    tranche: Tranche::Senior,
                    cap: d.params.deposit_caps[0]
                }),
                Step::Propose(ConfigChange::RateCurve {
                    curve: d.params.rate_curve
                }),
                Step::Propose(ConfigChange::Guardian {
                    guardian: d.guardian
                }),
                Step::Propose(ConfigChange::Collateral {
                    asset: tranche_vault::pda::collateral_asset(&vault, &mint).0,
                    params: d.collateral[&mint].1
                }),
            ]
        );
    }

    #[test]
    fn the_authority_moves_last_and_only_when_nothing_is_pending() {
        let mut d = desired();
        let squads = Pubkey::new_unique();
        d.authority = Some(squads);
        let mut chain = applied(&d);
        assert_eq!(plan(&d, &chain), vec![Step::HandAuthority(squads)]);
        d.params.protocol_fee_bps = 1_200;
        let change = ConfigChange::ProtocolFee {
            protocol_fee_bps: 1_200,
        };
        chain.proposals = vec![proposal(0, change, chain.now + 10)];
        assert!(
            matches!(plan(&d, &chain)[..], [Step::Wait { .. }]),
            "not while a proposal waits (it would be void)"
        );
        d.params.protocol_fee_bps = 1_000;
        chain.proposals.clear();
        if let Some(v) = chain.vault.as_mut() {
            v.pending_authority = squads;
        }
        assert_eq!(plan(&d, &chain), vec![], "proposed already: it accepts");
    }

    #[test]
    fn a_bad_file_is_refused_with_what_is_wrong() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/devnet.toml");
        let text = std::fs::read_to_string(path).expect("read");
        let bad = text.replace("protocol_fee_bps = 1000", "protocol_fee_bps = 9000");
        let c: Config = toml::from_str(&bad).expect("parses");
        let e = c
            .resolve(Pubkey::new_unique(), |_| {
                Ok(MintInfo {
                    program: anchor_spl::token::ID,
                    decimals: 6,
                })
            })
            .expect_err("a fee over the ceiling");
        assert!(format!("{e:#}").contains("[params]"), "{e:#}");
        let unknown = text.replace("vault_id = 1", "vault_id = 1\nvault_idd = 2");
        let e = toml::from_str::<Config>(&unknown).expect_err("an unknown key");
        assert!(e.to_string().contains("vault_idd"), "{e}");
    }
}
