//! Tranche Vault: tranched lending vaults on Solana.
//!
//! Depositors buy senior, mezzanine and junior tranche tokens; borrowers lock Pyth-priced collateral; losses
//! fall junior first. See `README.md` for the accounts and the build. This file is dispatch only (and
//! `cu_mark!`, the compute-unit profile's marks).

/// A compute-unit mark for the bench's profile (`make cu-profile`): with the `cu-profile` feature, logs
/// `cu-mark <label>`, then the units left (`sol_log_compute_units`); without it, nothing at all. The phase that
/// ends at a mark is the difference between the units left at the mark before and at this one.
macro_rules! cu_mark {
    ($label:literal) => {
        #[cfg(all(feature = "cu-profile", target_os = "solana"))]
        {
            ::anchor_lang::solana_program::log::sol_log(concat!("cu-mark ", $label));
            // SAFETY: the syscall takes no argument and only logs.
            unsafe {
                ::anchor_lang::compat::solana_define_syscall::definitions::sol_log_compute_units_()
            };
        }
    };
}

#[cfg(any(all(target_arch = "bpf", target_os = "solana"), test))]
mod builtins;
#[cfg(not(target_os = "solana"))]
pub mod client;
pub mod constants;
pub mod cpi;
pub mod cpi_ix;
pub mod errors;
pub mod events;
#[cfg(all(
    feature = "custom-heap",
    target_os = "solana",
    not(feature = "no-entrypoint")
))]
mod heap;
pub mod instructions;
pub mod math;
pub mod oracle;
pub mod pda;
mod prelude;
pub mod state;

use crate::prelude::*;

use state::{CollateralParams, ConfigChange};

pub use instructions::*;

declare_id!("2NxJT25oJMyKEffDVmfqcq66JevUshgtav3MXj5fyTBr");

#[program]
pub mod tranche_vault {
    use super::*;

    /// Before its vault: create one tranche's mint (Token-2022, named) and redemption escrow.
    pub fn initialize_tranche(
        ctx: Context<InitializeTranche>,
        args: InitializeTrancheArgs,
    ) -> Result<()> {
        InitializeTranche::handler(ctx, args)
    }

    /// Create a vault, once its three tranches exist: its state PDA and the quote-asset liquidity account.
    pub fn initialize_vault(
        ctx: Context<InitializeVault>,
        args: InitializeVaultArgs,
    ) -> Result<()> {
        InitializeVault::handler(ctx, args)
    }

    /// Buy tranche tokens: accrue, check caps, pause, subordination and the first-deposit rules, mint shares.
    pub fn deposit(ctx: Context<Deposit>, args: DepositArgs) -> Result<()> {
        Deposit::handler(ctx, args)
    }

    /// Escrow tranche tokens into the epoch redemption queue.
    pub fn request_redeem(ctx: Context<RequestRedeem>, args: RequestRedeemArgs) -> Result<()> {
        RequestRedeem::handler(ctx, args)
    }

    /// Take back the unfilled shares of a redemption request.
    pub fn cancel_redeem(ctx: Context<CancelRedeem>, args: CancelRedeemArgs) -> Result<()> {
        CancelRedeem::handler(ctx, args)
    }

    /// Permissionless after the epoch ends: fill queued redemptions senior first, pro rata, in O(1).
    pub fn close_epoch(ctx: Context<CloseEpoch>) -> Result<()> {
        CloseEpoch::handler(ctx)
    }

    /// Receive the quote for the filled part of a redemption request.
    pub fn claim_redeem(ctx: Context<ClaimRedeem>, args: ClaimRedeemArgs) -> Result<()> {
        ClaimRedeem::handler(ctx, args)
    }

    /// Permissionless refresh: accrue interest and split it through the income waterfall.
    pub fn accrue(ctx: Context<Accrue>) -> Result<()> {
        Accrue::handler(ctx)
    }

    /// List a collateral mint with its oracle and risk parameters, disabled with cap 0 (authority); the timelock
    /// enables it.
    pub fn add_collateral_asset(
        ctx: Context<AddCollateralAsset>,
        params: CollateralParams,
    ) -> Result<()> {
        AddCollateralAsset::handler(ctx, params)
    }

    /// Propose a timelocked parameter change (authority).
    pub fn propose_config(
        ctx: Context<ProposeConfig>,
        proposal_id: u64,
        change: ConfigChange,
    ) -> Result<()> {
        ProposeConfig::handler(ctx, proposal_id, change)
    }

    /// Apply a proposal once its ETA has passed (anyone).
    pub fn execute_config(ctx: Context<ExecuteConfig>) -> Result<()> {
        ExecuteConfig::handler(ctx)
    }

    /// Withdraw a pending proposal (authority).
    pub fn cancel_config(ctx: Context<CancelConfig>) -> Result<()> {
        CancelConfig::handler(ctx)
    }

    /// Set the pause flags: guardian or authority may pause, only the authority unpauses.
    pub fn set_pause(ctx: Context<SetPause>, flags: u32) -> Result<()> {
        SetPause::handler(ctx, flags)
    }

    /// Lower a deposit cap at once (guardian or authority).
    pub fn lower_cap(ctx: Context<LowerCap>, target: CapTarget, cap: u64) -> Result<()> {
        LowerCap::handler(ctx, target, cap)
    }

    /// Rename a tranche token: its name, symbol and URI on the mint (authority; not timelocked).
    pub fn update_tranche_metadata(
        ctx: Context<UpdateTrancheMetadata>,
        args: UpdateTrancheMetadataArgs,
    ) -> Result<()> {
        UpdateTrancheMetadata::handler(ctx, args)
    }

    /// First step of an authority transfer (authority).
    pub fn propose_authority(ctx: Context<ProposeAuthority>, new_authority: Pubkey) -> Result<()> {
        ProposeAuthority::handler(ctx, new_authority)
    }

    /// Second step: the pending authority accepts.
    pub fn accept_authority(ctx: Context<AcceptAuthority>) -> Result<()> {
        AcceptAuthority::handler(ctx)
    }

    /// Open an empty borrower position.
    pub fn open_position(ctx: Context<OpenPosition>, position_id: u64) -> Result<()> {
        OpenPosition::handler(ctx, position_id)
    }

    /// Add collateral to a position.
    pub fn deposit_collateral(ctx: Context<DepositCollateral>, amount: u64) -> Result<()> {
        DepositCollateral::handler(ctx, amount)
    }

    /// Take collateral out of a position; with debt, it must stay within max LTV.
    pub fn withdraw_collateral<'info>(
        ctx: Context<'info, WithdrawCollateral<'info>>,
        amount: u64,
    ) -> Result<()> {
        WithdrawCollateral::handler(ctx, amount)
    }

    /// Borrow quote against a position's collateral, within max LTV and the utilization cap.
    pub fn borrow<'info>(ctx: Context<'info, Borrow<'info>>, amount: u64) -> Result<()> {
        Borrow::handler(ctx, amount)
    }

    /// Repay a position's debt; never blocked.
    pub fn repay(ctx: Context<Repay>, amount: u64) -> Result<()> {
        Repay::handler(ctx, amount)
    }

    /// Permissionless below health 1: repay debt for collateral at a bonus; bad debt goes through the waterfall.
    pub fn liquidate<'info>(
        ctx: Context<'info, Liquidate<'info>>,
        args: LiquidateArgs,
    ) -> Result<()> {
        Liquidate::handler(ctx, args)
    }
}

// Registry-only SBF route (tools/sbf): memcpy/memset through syscalls and soft-float builtins.
#[cfg(all(target_arch = "bpf", target_os = "solana"))]
use solana_compiler_builtins as _;
