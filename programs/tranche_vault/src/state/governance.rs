//! Timelocked governance: the changes a proposal can carry, and the proposal account.

use crate::prelude::*;

use crate::errors::VaultError;
use crate::oracle::OracleSetting;
use crate::state::{CollateralParams, RateCurve, Tranche, Vault, VaultParams};

/// One parameter change. Every change goes through `propose_config` → (delay) → `execute_config`; the
/// risk-reducing ones (pause, lower caps) also have immediate instructions for the guardian.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigChange {
    /// Senior or mezzanine target APR, bps.
    TargetApr {
        tranche: Tranche,
        target_apr_bps: u16,
    },
    /// A tranche's deposit cap, native quote units of NAV.
    DepositCap {
        tranche: Tranche,
        cap: u64,
    },
    /// Subordination limits, bps of total NAV.
    Subordination {
        min_junior_bps: u16,
        min_subordination_bps: u16,
    },
    RateCurve {
        curve: RateCurve,
    },
    /// Share of interest income kept as protocol fee, bps.
    ProtocolFee {
        protocol_fee_bps: u16,
    },
    /// Redemption epoch length, seconds.
    EpochDuration {
        epoch_duration_secs: u32,
    },
    /// Borrowing is refused above this utilization, bps.
    MaxUtilization {
        max_utilization_bps: u16,
    },
    /// The timelock delay itself, seconds. It takes the current delay to change, up or down.
    TimelockDelay {
        timelock_delay_secs: u32,
    },
    /// Set or remove the guardian.
    Guardian {
        guardian: Option<Pubkey>,
    },
    /// Every risk parameter of a collateral asset: oracle (reference, max age, max confidence), max LTV,
    /// liquidation threshold and bonus, deposit cap, enabled.
    Collateral {
        asset: Pubkey,
        params: CollateralParams,
    },
    /// The quote asset's oracle.
    QuoteOracle {
        oracle: OracleSetting,
    },
}

impl ConfigChange {
    /// The collateral asset this change needs, if any.
    pub fn asset(&self) -> Option<Pubkey> {
        match self {
            ConfigChange::Collateral { asset, .. } => Some(*asset),
            _ => None,
        }
    }

    /// `params` with this change applied (vault-level changes only; others leave them as they are).
    pub fn apply_to(&self, mut p: VaultParams) -> Result<VaultParams> {
        match *self {
            ConfigChange::TargetApr {
                tranche,
                target_apr_bps,
            } => match tranche {
                Tranche::Senior => p.senior_target_apr_bps = target_apr_bps,
                Tranche::Mezzanine => p.mezzanine_target_apr_bps = target_apr_bps,
                Tranche::Junior => return err!(VaultError::JuniorHasNoTarget),
            },
            ConfigChange::DepositCap { tranche, cap } => p.deposit_caps[tranche.index()] = cap,
            ConfigChange::Subordination {
                min_junior_bps,
                min_subordination_bps,
            } => {
                p.min_junior_bps = min_junior_bps;
                p.min_subordination_bps = min_subordination_bps;
            }
            ConfigChange::RateCurve { curve } => p.rate_curve = curve,
            ConfigChange::ProtocolFee { protocol_fee_bps } => p.protocol_fee_bps = protocol_fee_bps,
            ConfigChange::EpochDuration {
                epoch_duration_secs,
            } => p.epoch_duration_secs = epoch_duration_secs,
            ConfigChange::MaxUtilization {
                max_utilization_bps,
            } => p.max_utilization_bps = max_utilization_bps,
            ConfigChange::TimelockDelay {
                timelock_delay_secs,
            } => p.timelock_delay_secs = timelock_delay_secs,
            ConfigChange::Guardian { .. }
            | ConfigChange::Collateral { .. }
            | ConfigChange::QuoteOracle { .. } => {}
        }
        Ok(p)
    }

    /// Whether the change must wait until depositors could leave (`execute_config`'s exit window). It need not
    /// when it only reduces risk for depositors: a lower tranche or collateral cap, a lower utilization cap, a
    /// longer timelock, or a collateral change that keeps the oracle and the bonus and lowers (or keeps) every
    /// other limit without enabling the asset; nor when it names the guardian, who can only pause and lower caps,
    /// which the authority can do itself (so a rogue guardian cannot hold its own removal hostage by pausing
    /// requests). Everything else loosens risk, or moves value between depositors and borrowers (a bonus either
    /// way). `current_asset` is the collateral asset's parameters before a collateral change.
    pub fn needs_exit_window(
        &self,
        current: &VaultParams,
        current_asset: Option<&CollateralParams>,
    ) -> bool {
        let exempt = match *self {
            ConfigChange::DepositCap { tranche, cap } => {
                cap <= current.deposit_caps[tranche.index()]
            }
            ConfigChange::MaxUtilization {
                max_utilization_bps,
            } => max_utilization_bps <= current.max_utilization_bps,
            ConfigChange::TimelockDelay {
                timelock_delay_secs,
            } => timelock_delay_secs >= current.timelock_delay_secs,
            ConfigChange::Guardian { .. } => true,
            ConfigChange::Collateral { params: new, .. } => current_asset.is_some_and(|old| {
                new.oracle == old.oracle
                    && new.liquidation_bonus_bps == old.liquidation_bonus_bps
                    && new.max_ltv_bps <= old.max_ltv_bps
                    && new.liquidation_threshold_bps <= old.liquidation_threshold_bps
                    && new.deposit_cap <= old.deposit_cap
                    && (old.enabled || !new.enabled)
            }),
            _ => false,
        };
        !exempt
    }

    /// Every bound the change touches, each with its own error.
    pub fn validate(&self, current: &VaultParams, authority: &Pubkey) -> Result<()> {
        self.apply_to(*current)?.validate()?;
        match self {
            ConfigChange::Guardian { guardian: Some(g) } => {
                require_keys_neq!(*g, *authority, VaultError::GuardianIsAuthority)
            }
            ConfigChange::Collateral { params, .. } => params.validate()?,
            ConfigChange::QuoteOracle { oracle } => oracle.validate()?,
            _ => {}
        }
        Ok(())
    }
}

/// A pending change: PDA `[SEED_PROPOSAL, vault, proposal_id u64 LE]`, closed (rent to `rent_payer`) when it is
/// executed or cancelled.
#[account]
#[derive(Debug, PartialEq, Eq, InitSpace)]
pub struct Proposal {
    pub vault: Pubkey,
    pub proposal_id: u64,
    /// The authority that proposed it.
    pub proposer: Pubkey,
    /// Paid the rent; receives it back when the proposal closes.
    pub rent_payer: Pubkey,
    pub change: ConfigChangeSpace,
    /// Unix seconds: proposal time + the timelock delay at proposal time.
    pub eta: i64,
    pub created_ts: i64,
    pub bump: u8,
}

/// [`ConfigChange`] with its size for `InitSpace` (the largest variant: a collateral change).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConfigChangeSpace(pub ConfigChange);

impl Space for ConfigChangeSpace {
    // 1 (tag) + 32 (asset) + CollateralParams (OracleSetting 72 + 2 + 2 + 2 + 8 + 1).
    const INIT_SPACE: usize = 1 + 32 + OracleSetting::INIT_SPACE + 2 + 2 + 2 + 8 + 1;
}

impl Proposal {
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    /// Whether `vault`'s epoch has closed at least an epoch after this proposal was made: every redemption
    /// request filed during that epoch has been in a close (the exit window's close; `execute_config` and the
    /// CLI's `vault apply` plan both ask it).
    pub fn epoch_closed_since(&self, vault: &Vault) -> Result<bool> {
        let reacted = self
            .created_ts
            .checked_add(i64::from(vault.epoch_duration_secs))
            .ok_or(VaultError::MathOverflow)?;
        Ok(vault.epoch_start_ts >= reacted)
    }
}
