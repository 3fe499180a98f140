//! Tranche Vault: tranched lending vaults on Solana.
//!
//! Depositors buy senior, mezzanine and junior tranche tokens; borrowers lock Pyth-priced collateral; losses
//! fall junior first. See `README.md` for the accounts and the build. This file is dispatch only.

pub mod constants;
pub mod cpi;
pub mod errors;
pub mod events;
pub mod instructions;
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
}

// Registry-only SBF route (tools/sbf): memcpy/memset through syscalls and soft-float builtins.
#[cfg(all(target_arch = "bpf", target_os = "solana"))]
use solana_compiler_builtins as _;
