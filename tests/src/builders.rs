//! Typed instruction builders, one per instruction, so that tests read like a story.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{system_program, InstructionData, ToAccountMetas};
use tranche_vault::state::{RateCurve, Tranche, VaultParams};
use tranche_vault::InitializeVaultArgs;

/// Parameters a real USDC vault might start with.
pub fn default_params() -> VaultParams {
    VaultParams {
        senior_target_apr_bps: 600,
        mezzanine_target_apr_bps: 1_000,
        deposit_caps: [10_000_000_000_000, 5_000_000_000_000, 2_000_000_000_000],
        min_junior_bps: 1_000,
        min_subordination_bps: 2_500,
        protocol_fee_bps: 1_000,
        max_utilization_bps: 9_000,
        rate_curve: RateCurve {
            base_rate_bps: 100,
            slope1_bps: 900,
            slope2_bps: 15_000,
            optimal_utilization_bps: 8_000,
        },
        epoch_duration_secs: 86_400,
        timelock_delay_secs: 172_800,
    }
}

/// `initialize_vault` with every account derived from (authority, quote mint, vault id).
#[derive(Clone, Debug)]
pub struct InitializeVaultBuilder {
    pub payer: Pubkey,
    pub authority: Pubkey,
    pub quote_mint: Pubkey,
    pub token_program: Pubkey,
    pub args: InitializeVaultArgs,
}

/// The addresses an `initialize_vault` creates.
#[derive(Clone, Copy, Debug)]
pub struct VaultAddresses {
    pub vault: Pubkey,
    pub liquidity: Pubkey,
    pub tranche_mints: [Pubkey; 3],
}

impl InitializeVaultBuilder {
    pub fn new(
        payer: Pubkey,
        authority: Pubkey,
        quote_mint: Pubkey,
        token_program: Pubkey,
    ) -> Self {
        InitializeVaultBuilder {
            payer,
            authority,
            quote_mint,
            token_program,
            args: InitializeVaultArgs {
                vault_id: 0,
                guardian: None,
                params: default_params(),
            },
        }
    }

    pub fn addresses(&self) -> VaultAddresses {
        let vault =
            tranche_vault::pda::vault(&self.authority, &self.quote_mint, self.args.vault_id).0;
        VaultAddresses {
            vault,
            liquidity: tranche_vault::pda::liquidity(&vault).0,
            tranche_mints: Tranche::ALL.map(|t| tranche_vault::pda::tranche_mint(&vault, t).0),
        }
    }

    pub fn instruction(&self) -> Instruction {
        let a = self.addresses();
        Instruction {
            program_id: tranche_vault::ID,
            accounts: tranche_vault::accounts::InitializeVault {
                payer: self.payer,
                authority: self.authority,
                vault: a.vault,
                quote_mint: self.quote_mint,
                liquidity: a.liquidity,
                senior_mint: a.tranche_mints[0],
                mezzanine_mint: a.tranche_mints[1],
                junior_mint: a.tranche_mints[2],
                token_program: self.token_program,
                system_program: system_program::ID,
            }
            .to_account_metas(None),
            data: tranche_vault::instruction::InitializeVault { args: self.args }.data(),
        }
    }
}
