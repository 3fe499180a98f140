//! The vault: one PDA per (creator, quote mint, id), zero-copy, with reserved space for later layouts.

use anchor_lang::prelude::*;

use crate::constants::*;
use crate::errors::VaultError;

/// The three tranches, by their index in [`Vault::tranches`] and in the tranche-mint PDA seeds.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tranche {
    Senior,
    Mezzanine,
    Junior,
}

impl Tranche {
    pub const ALL: [Tranche; 3] = [Tranche::Senior, Tranche::Mezzanine, Tranche::Junior];

    pub const fn index(self) -> usize {
        match self {
            Tranche::Senior => 0,
            Tranche::Mezzanine => 1,
            Tranche::Junior => 2,
        }
    }

    /// The seed byte of this tranche's mint PDA.
    pub const fn seed(self) -> [u8; 1] {
        [self.index() as u8]
    }
}

/// Kinked borrow-rate curve, in bps per year: `base` at 0 % utilization, `base + slope1` at the optimal
/// utilization, `base + slope1 + slope2` at 100 %.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[repr(C)]
pub struct RateCurve {
    pub base_rate_bps: u32,
    pub slope1_bps: u32,
    pub slope2_bps: u32,
    pub optimal_utilization_bps: u32,
}

/// The risk parameters of a vault, as `initialize_vault` takes them and governance will change them.
/// [`VaultParams::validate`] is the single bounds check for all of them.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct VaultParams {
    /// Target APR of the senior and mezzanine tranches, in bps; junior takes the residual income.
    pub senior_target_apr_bps: u16,
    pub mezzanine_target_apr_bps: u16,
    /// Deposit cap per tranche (senior, mezzanine, junior), in native quote units of NAV.
    pub deposit_caps: [u64; 3],
    /// Junior NAV must stay at or above this share of total NAV, in bps.
    pub min_junior_bps: u16,
    /// Junior + mezzanine NAV must stay at or above this share of total NAV, in bps.
    pub min_subordination_bps: u16,
    /// Share of interest income kept as protocol fee, in bps.
    pub protocol_fee_bps: u16,
    /// Borrowing is refused above this utilization, in bps.
    pub max_utilization_bps: u16,
    pub rate_curve: RateCurve,
    /// Length of a redemption epoch, in seconds.
    pub epoch_duration_secs: u32,
    /// Delay between proposing and executing a risk-loosening change, in seconds.
    pub timelock_delay_secs: u32,
}

impl VaultParams {
    /// Bounds check of every parameter; each failure has its own error.
    pub fn validate(&self) -> Result<()> {
        require!(
            self.senior_target_apr_bps <= MAX_TARGET_APR_BPS
                && self.mezzanine_target_apr_bps <= MAX_TARGET_APR_BPS,
            VaultError::TargetAprTooHigh
        );
        require!(
            self.min_junior_bps <= self.min_subordination_bps
                && u64::from(self.min_subordination_bps) < BPS,
            VaultError::InvalidSubordination
        );
        require!(
            self.protocol_fee_bps <= MAX_PROTOCOL_FEE_BPS,
            VaultError::ProtocolFeeTooHigh
        );
        let c = &self.rate_curve;
        require!(
            c.optimal_utilization_bps > 0 && u64::from(c.optimal_utilization_bps) < BPS,
            VaultError::InvalidOptimalUtilization
        );
        let max_rate = c
            .base_rate_bps
            .checked_add(c.slope1_bps)
            .and_then(|r| r.checked_add(c.slope2_bps));
        require!(
            matches!(max_rate, Some(r) if r <= MAX_BORROW_RATE_BPS),
            VaultError::BorrowRateTooHigh
        );
        require!(
            self.max_utilization_bps > 0 && u64::from(self.max_utilization_bps) <= BPS,
            VaultError::InvalidMaxUtilization
        );
        require!(
            (MIN_EPOCH_SECS..=MAX_EPOCH_SECS).contains(&self.epoch_duration_secs),
            VaultError::InvalidEpochDuration
        );
        require!(
            self.timelock_delay_secs <= MAX_TIMELOCK_SECS,
            VaultError::TimelockTooLong
        );
        Ok(())
    }
}

/// Per-tranche state inside the vault.
#[zero_copy]
#[derive(Debug, PartialEq, Eq)]
pub struct TrancheState {
    pub mint: Pubkey,
    /// Deposit cap, in native quote units of NAV.
    pub deposit_cap: u64,
    /// Target APR, in bps (unused for junior, which takes the residual).
    pub target_apr_bps: u16,
    pub mint_bump: u8,
    pub _pad: [u8; 5],
    /// Reserved for NAV, written-down amount and epoch queue totals (later layouts).
    pub _reserved: [u64; 16],
}

/// The vault. Zero-copy: instructions read and write it in place, without (de)serializing ~1.5 KB.
#[account(zero_copy)]
#[derive(Debug, PartialEq, Eq)]
pub struct Vault {
    /// Layout version, [`VAULT_VERSION`].
    pub version: u8,
    /// Bump of the vault PDA.
    pub bump: u8,
    /// Bump of the liquidity token account PDA.
    pub liquidity_bump: u8,
    pub quote_decimals: u8,
    /// Pause flags (bit set); none are defined yet.
    pub pause_flags: u32,
    /// Creator-chosen id, part of the PDA seeds.
    pub vault_id: u64,
    /// Signer of `initialize_vault`, part of the PDA seeds; never changes.
    pub creator: Pubkey,
    /// Governance authority (typically a multisig PDA).
    pub authority: Pubkey,
    /// Proposed authority of a two-step transfer; `Pubkey::default()` when none.
    pub pending_authority: Pubkey,
    /// May only pause and tighten; `Pubkey::default()` when none.
    pub guardian: Pubkey,
    pub quote_mint: Pubkey,
    /// SPL Token or Token-2022: owner of the quote mint, the liquidity account and the tranche mints.
    pub quote_token_program: Pubkey,
    /// Quote-asset liquidity token account (PDA, owned by the vault).
    pub liquidity: Pubkey,
    pub tranches: [TrancheState; 3],
    pub rate_curve: RateCurve,
    pub min_junior_bps: u16,
    pub min_subordination_bps: u16,
    pub protocol_fee_bps: u16,
    pub max_utilization_bps: u16,
    pub epoch_duration_secs: u32,
    pub timelock_delay_secs: u32,
    /// Unix seconds.
    pub created_ts: i64,
    /// Unix seconds of the last interest accrual.
    pub last_accrual_ts: i64,
    /// Reserved for later layouts (debt, borrow index, fees, epoch state).
    pub _reserved: [u64; 64],
}

// SAFETY: `RateCurve` is `repr(C)`, four `u32`s, no padding: any bit pattern is valid. It is stored in place in
// the zero-copy vault, so it must be plain old data; its borsh and in-place layouts are the same bytes.
unsafe impl bytemuck::Zeroable for RateCurve {}
// SAFETY: as above.
unsafe impl bytemuck::Pod for RateCurve {}

impl Vault {
    /// Account size including the 8-byte discriminator.
    pub const SPACE: usize = 8 + core::mem::size_of::<Vault>();

    /// Writes the discriminator into freshly created, zeroed account data and returns the state in place.
    pub fn init_in(data: &mut [u8]) -> Result<&mut Vault> {
        let (disc, rest) = data
            .split_at_mut_checked(8)
            .ok_or(VaultError::VaultAccountTooSmall)?;
        require!(
            disc.iter().all(|b| *b == 0),
            VaultError::VaultAlreadyInitialized
        );
        disc.copy_from_slice(Vault::DISCRIMINATOR);
        let body = rest
            .get_mut(..core::mem::size_of::<Vault>())
            .ok_or(VaultError::VaultAccountTooSmall)?;
        bytemuck::try_from_bytes_mut(body).map_err(|_| error!(VaultError::VaultAccountTooSmall))
    }

    /// The parameters as one value, for [`VaultParams::validate`] and events.
    pub fn params(&self) -> VaultParams {
        VaultParams {
            senior_target_apr_bps: self.tranches[Tranche::Senior.index()].target_apr_bps,
            mezzanine_target_apr_bps: self.tranches[Tranche::Mezzanine.index()].target_apr_bps,
            deposit_caps: [
                self.tranches[0].deposit_cap,
                self.tranches[1].deposit_cap,
                self.tranches[2].deposit_cap,
            ],
            min_junior_bps: self.min_junior_bps,
            min_subordination_bps: self.min_subordination_bps,
            protocol_fee_bps: self.protocol_fee_bps,
            max_utilization_bps: self.max_utilization_bps,
            rate_curve: self.rate_curve,
            epoch_duration_secs: self.epoch_duration_secs,
            timelock_delay_secs: self.timelock_delay_secs,
        }
    }

    /// Writes every parameter; callers validate first.
    pub fn set_params(&mut self, p: &VaultParams) {
        self.tranches[Tranche::Senior.index()].target_apr_bps = p.senior_target_apr_bps;
        self.tranches[Tranche::Mezzanine.index()].target_apr_bps = p.mezzanine_target_apr_bps;
        for (t, cap) in self.tranches.iter_mut().zip(p.deposit_caps) {
            t.deposit_cap = cap;
        }
        self.min_junior_bps = p.min_junior_bps;
        self.min_subordination_bps = p.min_subordination_bps;
        self.protocol_fee_bps = p.protocol_fee_bps;
        self.max_utilization_bps = p.max_utilization_bps;
        self.rate_curve = p.rate_curve;
        self.epoch_duration_secs = p.epoch_duration_secs;
        self.timelock_delay_secs = p.timelock_delay_secs;
    }

    pub fn tranche_mints(&self) -> [Pubkey; 3] {
        [
            self.tranches[0].mint,
            self.tranches[1].mint,
            self.tranches[2].mint,
        ]
    }

    /// Structural invariants, checked after every mutation:
    /// - the layout version is [`VAULT_VERSION`];
    /// - every parameter is within bounds;
    /// - the junior tranche has no target APR (it takes the residual);
    /// - the liquidity account and the three tranche mints are set and pairwise distinct;
    /// - the guardian, when set, differs from the authority.
    pub fn invariant(&self) -> Result<()> {
        require!(self.version == VAULT_VERSION, VaultError::WrongVaultVersion);
        self.params().validate()?;
        let m = self.tranche_mints();
        let keys = [self.liquidity, m[0], m[1], m[2]];
        for (i, a) in keys.iter().enumerate() {
            require!(*a != Pubkey::default(), VaultError::InvariantViolated);
            for b in &keys[i + 1..] {
                require!(a != b, VaultError::InvariantViolated);
            }
        }
        require!(
            self.tranches[Tranche::Junior.index()].target_apr_bps == 0,
            VaultError::InvariantViolated
        );
        require!(
            self.guardian == Pubkey::default() || self.guardian != self.authority,
            VaultError::GuardianIsAuthority
        );
        Ok(())
    }
}
