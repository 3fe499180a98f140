//! Typed instruction builders, one per instruction, so that tests read like a story.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{system_program, InstructionData, ToAccountMetas};
use tranche_vault::state::{RateCurve, Tranche, VaultParams};
use tranche_vault::{
    CancelRedeemArgs, ClaimRedeemArgs, DepositArgs, InitializeVaultArgs, RequestRedeemArgs,
};

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

/// The addresses of a vault: what `initialize_vault` creates, and what it was created with.
#[derive(Clone, Copy, Debug)]
pub struct VaultAddresses {
    pub vault: Pubkey,
    pub liquidity: Pubkey,
    pub tranche_mints: [Pubkey; 3],
    pub escrows: [Pubkey; 3],
    pub quote_mint: Pubkey,
    pub token_program: Pubkey,
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
            escrows: Tranche::ALL.map(|t| tranche_vault::pda::escrow(&vault, t).0),
            quote_mint: self.quote_mint,
            token_program: self.token_program,
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
                senior_escrow: a.escrows[0],
                mezzanine_escrow: a.escrows[1],
                junior_escrow: a.escrows[2],
                token_program: self.token_program,
                system_program: system_program::ID,
            }
            .to_account_metas(None),
            data: tranche_vault::instruction::InitializeVault { args: self.args }.data(),
        }
    }
}

impl VaultAddresses {
    fn ix(&self, accounts: impl ToAccountMetas, data: Vec<u8>) -> Instruction {
        Instruction {
            program_id: tranche_vault::ID,
            accounts: accounts.to_account_metas(None),
            data,
        }
    }

    /// `deposit` from `depositor`'s `quote` account, minting to `shares`.
    pub fn deposit(
        &self,
        depositor: Pubkey,
        quote: Pubkey,
        shares: Pubkey,
        args: DepositArgs,
    ) -> Instruction {
        let t = args.tranche.index();
        self.ix(
            tranche_vault::accounts::Deposit {
                depositor,
                vault: self.vault,
                tranche_mint: self.tranche_mints[t],
                quote_mint: self.quote_mint,
                liquidity: self.liquidity,
                depositor_quote: quote,
                depositor_shares: shares,
                token_program: self.token_program,
            },
            tranche_vault::instruction::Deposit { args }.data(),
        )
    }

    /// `request_redeem` of `owner`'s tranche tokens held in `shares`.
    pub fn request_redeem(
        &self,
        owner: Pubkey,
        shares: Pubkey,
        args: RequestRedeemArgs,
    ) -> Instruction {
        let t = args.tranche;
        self.ix(
            tranche_vault::accounts::RequestRedeem {
                owner,
                vault: self.vault,
                tranche_mint: self.tranche_mints[t.index()],
                escrow: self.escrows[t.index()],
                owner_shares: shares,
                request: tranche_vault::pda::redemption(&self.vault, &owner, t).0,
                token_program: self.token_program,
                system_program: system_program::ID,
            },
            tranche_vault::instruction::RequestRedeem { args }.data(),
        )
    }

    /// `cancel_redeem`, returning the unfilled shares to `shares`.
    pub fn cancel_redeem(&self, owner: Pubkey, shares: Pubkey, tranche: Tranche) -> Instruction {
        self.ix(
            tranche_vault::accounts::CancelRedeem {
                owner,
                vault: self.vault,
                tranche_mint: self.tranche_mints[tranche.index()],
                escrow: self.escrows[tranche.index()],
                owner_shares: shares,
                request: tranche_vault::pda::redemption(&self.vault, &owner, tranche).0,
                token_program: self.token_program,
            },
            tranche_vault::instruction::CancelRedeem {
                args: CancelRedeemArgs { tranche },
            }
            .data(),
        )
    }

    /// `claim_redeem` to `quote`; `generation_record` when the request's generation has ended.
    pub fn claim_redeem(
        &self,
        owner: Pubkey,
        quote: Pubkey,
        tranche: Tranche,
        generation_record: Option<Pubkey>,
    ) -> Instruction {
        self.ix(
            tranche_vault::accounts::ClaimRedeem {
                owner,
                vault: self.vault,
                quote_mint: self.quote_mint,
                liquidity: self.liquidity,
                owner_quote: quote,
                request: tranche_vault::pda::redemption(&self.vault, &owner, tranche).0,
                generation_record,
                token_program: self.token_program,
            },
            tranche_vault::instruction::ClaimRedeem {
                args: ClaimRedeemArgs { tranche },
            }
            .data(),
        )
    }

    /// `close_epoch`, with the generation-record PDAs of each tranche's `generations` (the vault's current ones).
    pub fn close_epoch(&self, payer: Pubkey, generations: [u64; 3]) -> Instruction {
        let g =
            |t: Tranche| tranche_vault::pda::generation(&self.vault, t, generations[t.index()]).0;
        self.ix(
            tranche_vault::accounts::CloseEpoch {
                payer,
                vault: self.vault,
                senior_mint: self.tranche_mints[0],
                mezzanine_mint: self.tranche_mints[1],
                junior_mint: self.tranche_mints[2],
                senior_escrow: self.escrows[0],
                mezzanine_escrow: self.escrows[1],
                junior_escrow: self.escrows[2],
                senior_generation: g(Tranche::Senior),
                mezzanine_generation: g(Tranche::Mezzanine),
                junior_generation: g(Tranche::Junior),
                token_program: self.token_program,
                system_program: system_program::ID,
            },
            tranche_vault::instruction::CloseEpoch {}.data(),
        )
    }

    pub fn accrue(&self) -> Instruction {
        self.ix(
            tranche_vault::accounts::Accrue { vault: self.vault },
            tranche_vault::instruction::Accrue {}.data(),
        )
    }

    /// A test hook (`test_borrow` / `test_repay` / `test_write_off`), with `counterparty` owned by `operator`.
    pub fn test_hook(&self, operator: Pubkey, counterparty: Pubkey, hook: TestHook) -> Instruction {
        let accounts = tranche_vault::accounts::TestDebt {
            operator,
            vault: self.vault,
            quote_mint: self.quote_mint,
            liquidity: self.liquidity,
            counterparty,
            token_program: self.token_program,
        };
        let data = match hook {
            TestHook::Borrow(amount) => tranche_vault::instruction::TestBorrow { amount }.data(),
            TestHook::Repay(amount) => tranche_vault::instruction::TestRepay { amount }.data(),
            TestHook::WriteOff(amount) => {
                tranche_vault::instruction::TestWriteOff { amount }.data()
            }
        };
        self.ix(accounts, data)
    }
}

/// The test-only stand-ins for the lending side (feature `test-hooks`), amounts in native quote units.
#[derive(Clone, Copy, Debug)]
pub enum TestHook {
    Borrow(u64),
    Repay(u64),
    WriteOff(u64),
}
