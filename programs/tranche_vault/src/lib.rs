//! Tranche Vault: tranched lending vaults on Solana.
//!
//! Depositors buy senior, mezzanine and junior tranche tokens; borrowers lock Pyth-priced collateral; losses
//! fall junior first. See `README.md` for the accounts and the build. This file is dispatch only.

pub mod constants;
pub mod cpi;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod math;
pub mod oracle;
pub mod pda;
pub mod state;

use anchor_lang::prelude::*;

pub use instructions::*;

declare_id!("2NxJT25oJMyKEffDVmfqcq66JevUshgtav3MXj5fyTBr");

#[program]
pub mod tranche_vault {
    use super::*;

    /// Create a vault: its state PDA, the quote-asset liquidity account and the three tranche mints.
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

    /// Test builds only (`test-hooks`): lend liquidity out as debt.
    #[cfg(feature = "test-hooks")]
    pub fn test_borrow(ctx: Context<TestDebt>, amount: u64) -> Result<()> {
        TestDebt::borrow(ctx, amount)
    }

    /// Test builds only (`test-hooks`): pay debt back.
    #[cfg(feature = "test-hooks")]
    pub fn test_repay(ctx: Context<TestDebt>, amount: u64) -> Result<()> {
        TestDebt::repay(ctx, amount)
    }

    /// Test builds only (`test-hooks`): write debt off as bad debt through the loss waterfall.
    #[cfg(feature = "test-hooks")]
    pub fn test_write_off(ctx: Context<TestDebt>, amount: u64) -> Result<()> {
        TestDebt::write_off(ctx, amount)
    }
}

// Registry-only SBF route (tools/sbf): memcpy/memset through syscalls and soft-float builtins.
#[cfg(all(target_arch = "bpf", target_os = "solana"))]
use solana_compiler_builtins as _;
