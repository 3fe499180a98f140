//! Typed instruction builders, one per instruction, so that tests read like a story.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{system_program, InstructionData, ToAccountMetas};
use tranche_vault::oracle::{OracleKind, OracleSetting, PYTH_RECEIVER_ID};
use tranche_vault::state::{CollateralParams, ConfigChange};
use tranche_vault::state::{RateCurve, Tranche, VaultParams};
use tranche_vault::CapTarget;
use tranche_vault::{
    CancelRedeemArgs, ClaimRedeemArgs, DepositArgs, InitializeVaultArgs, LiquidateArgs,
    RequestRedeemArgs,
};

/// Feed id of the tests' quote (USDC) price.
pub const QUOTE_FEED: [u8; 32] = [0x51; 32];

/// A Pyth pull oracle setting for `feed` on the canonical Receiver: one minute of age, 1 % of confidence.
pub fn pull_oracle(feed: [u8; 32]) -> OracleSetting {
    OracleSetting {
        program: PYTH_RECEIVER_ID,
        reference: feed,
        max_age_secs: 60,
        max_conf_bps: 100,
        kind: OracleKind::PythPull.to_u8(),
        _pad: 0,
    }
}

/// Risk parameters of a SOL-like collateral: 70 % LTV, 80 % liquidation threshold, 5 % bonus.
pub fn collateral_params(feed: [u8; 32]) -> CollateralParams {
    CollateralParams {
        oracle: pull_oracle(feed),
        max_ltv_bps: 7_000,
        liquidation_threshold_bps: 8_000,
        liquidation_bonus_bps: 500,
        deposit_cap: u64::MAX / 2,
        enabled: true,
    }
}

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
                quote_oracle: pull_oracle(QUOTE_FEED),
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
}

/// The accounts of one collateral asset.
#[derive(Clone, Copy, Debug)]
pub struct AssetAddresses {
    pub asset: Pubkey,
    pub mint: Pubkey,
    pub custody: Pubkey,
    pub token_program: Pubkey,
}

impl AssetAddresses {
    pub fn new(vault: &Pubkey, mint: Pubkey, token_program: Pubkey) -> Self {
        AssetAddresses {
            asset: tranche_vault::pda::collateral_asset(vault, &mint).0,
            mint,
            custody: tranche_vault::pda::custody(vault, &mint).0,
            token_program,
        }
    }
}

impl VaultAddresses {
    pub fn add_collateral_asset(
        &self,
        payer: Pubkey,
        authority: Pubkey,
        a: &AssetAddresses,
        params: CollateralParams,
    ) -> Instruction {
        self.ix(
            tranche_vault::accounts::AddCollateralAsset {
                payer,
                authority,
                vault: self.vault,
                mint: a.mint,
                asset: a.asset,
                custody: a.custody,
                token_program: a.token_program,
                system_program: system_program::ID,
            },
            tranche_vault::instruction::AddCollateralAsset { params }.data(),
        )
    }

    pub fn open_position(&self, payer: Pubkey, owner: Pubkey, position_id: u64) -> Instruction {
        self.ix(
            tranche_vault::accounts::OpenPosition {
                payer,
                owner,
                vault: self.vault,
                position: tranche_vault::pda::position(&self.vault, &owner, position_id).0,
                system_program: system_program::ID,
            },
            tranche_vault::instruction::OpenPosition { position_id }.data(),
        )
    }

    pub fn deposit_collateral(
        &self,
        owner: Pubkey,
        position: Pubkey,
        a: &AssetAddresses,
        owner_tokens: Pubkey,
        amount: u64,
    ) -> Instruction {
        self.ix(
            tranche_vault::accounts::DepositCollateral {
                owner,
                position,
                asset: a.asset,
                custody: a.custody,
                mint: a.mint,
                owner_tokens,
                token_program: a.token_program,
            },
            tranche_vault::instruction::DepositCollateral { amount }.data(),
        )
    }

    /// `withdraw_collateral`; `pricing` are the (asset, oracle) remaining accounts.
    #[allow(clippy::too_many_arguments)]
    pub fn withdraw_collateral(
        &self,
        owner: Pubkey,
        position: Pubkey,
        a: &AssetAddresses,
        owner_tokens: Pubkey,
        quote_oracle: Pubkey,
        pricing: &[Pubkey],
        amount: u64,
    ) -> Instruction {
        let mut ix = self.ix(
            tranche_vault::accounts::WithdrawCollateral {
                owner,
                vault: self.vault,
                position,
                asset: a.asset,
                custody: a.custody,
                mint: a.mint,
                owner_tokens,
                quote_oracle,
                token_program: a.token_program,
            },
            tranche_vault::instruction::WithdrawCollateral { amount }.data(),
        );
        ix.accounts.extend(readonly(pricing));
        ix
    }

    /// `borrow`; `pricing` are the (asset, oracle) remaining accounts.
    pub fn borrow(
        &self,
        owner: Pubkey,
        position: Pubkey,
        owner_quote: Pubkey,
        quote_oracle: Pubkey,
        pricing: &[Pubkey],
        amount: u64,
    ) -> Instruction {
        let mut ix = self.ix(
            tranche_vault::accounts::Borrow {
                owner,
                vault: self.vault,
                position,
                quote_mint: self.quote_mint,
                liquidity: self.liquidity,
                owner_quote,
                quote_oracle,
                token_program: self.token_program,
            },
            tranche_vault::instruction::Borrow { amount }.data(),
        );
        ix.accounts.extend(readonly(pricing));
        ix
    }

    pub fn repay(
        &self,
        payer: Pubkey,
        position: Pubkey,
        payer_quote: Pubkey,
        amount: u64,
    ) -> Instruction {
        self.ix(
            tranche_vault::accounts::Repay {
                payer,
                vault: self.vault,
                position,
                quote_mint: self.quote_mint,
                liquidity: self.liquidity,
                payer_quote,
                token_program: self.token_program,
            },
            tranche_vault::instruction::Repay { amount }.data(),
        )
    }

    /// `liquidate`, seizing `seize`; `pricing` are the (asset, oracle) remaining accounts.
    #[allow(clippy::too_many_arguments)]
    pub fn liquidate(
        &self,
        liquidator: Pubkey,
        position: Pubkey,
        liquidator_quote: Pubkey,
        seize: &AssetAddresses,
        liquidator_collateral: Pubkey,
        quote_oracle: Pubkey,
        pricing: &[Pubkey],
        args: LiquidateArgs,
    ) -> Instruction {
        let mut ix = self.ix(
            tranche_vault::accounts::Liquidate {
                liquidator,
                vault: self.vault,
                position,
                quote_mint: self.quote_mint,
                liquidity: self.liquidity,
                liquidator_quote,
                seize_asset: seize.asset,
                seize_custody: seize.custody,
                seize_mint: seize.mint,
                liquidator_collateral,
                quote_oracle,
                quote_token_program: self.token_program,
                collateral_token_program: seize.token_program,
            },
            tranche_vault::instruction::Liquidate { args }.data(),
        );
        ix.accounts.extend(readonly(pricing));
        ix
    }
}

impl VaultAddresses {
    pub fn proposal(&self, proposal_id: u64) -> Pubkey {
        tranche_vault::pda::proposal(&self.vault, proposal_id).0
    }

    /// `propose_config` as proposal `proposal_id` (the vault's `next_proposal_id`).
    pub fn propose_config(
        &self,
        payer: Pubkey,
        authority: Pubkey,
        proposal_id: u64,
        change: ConfigChange,
        asset: Option<Pubkey>,
    ) -> Instruction {
        self.ix(
            tranche_vault::accounts::ProposeConfig {
                payer,
                authority,
                vault: self.vault,
                proposal: self.proposal(proposal_id),
                asset,
                system_program: system_program::ID,
            },
            tranche_vault::instruction::ProposeConfig { change }.data(),
        )
    }

    pub fn execute_config(
        &self,
        proposal_id: u64,
        rent_payer: Pubkey,
        asset: Option<Pubkey>,
    ) -> Instruction {
        self.ix(
            tranche_vault::accounts::ExecuteConfig {
                vault: self.vault,
                proposal: self.proposal(proposal_id),
                rent_payer,
                asset,
            },
            tranche_vault::instruction::ExecuteConfig {}.data(),
        )
    }

    pub fn cancel_config(
        &self,
        authority: Pubkey,
        proposal_id: u64,
        rent_payer: Pubkey,
    ) -> Instruction {
        self.ix(
            tranche_vault::accounts::CancelConfig {
                authority,
                vault: self.vault,
                proposal: self.proposal(proposal_id),
                rent_payer,
            },
            tranche_vault::instruction::CancelConfig {}.data(),
        )
    }

    pub fn set_pause(&self, signer: Pubkey, flags: u32) -> Instruction {
        self.ix(
            tranche_vault::accounts::SetPause {
                signer,
                vault: self.vault,
            },
            tranche_vault::instruction::SetPause { flags }.data(),
        )
    }

    pub fn lower_cap(
        &self,
        signer: Pubkey,
        target: CapTarget,
        cap: u64,
        asset: Option<Pubkey>,
    ) -> Instruction {
        self.ix(
            tranche_vault::accounts::LowerCap {
                signer,
                vault: self.vault,
                asset,
            },
            tranche_vault::instruction::LowerCap { target, cap }.data(),
        )
    }

    pub fn propose_authority(&self, authority: Pubkey, new_authority: Pubkey) -> Instruction {
        self.ix(
            tranche_vault::accounts::ProposeAuthority {
                authority,
                vault: self.vault,
            },
            tranche_vault::instruction::ProposeAuthority { new_authority }.data(),
        )
    }

    pub fn accept_authority(&self, new_authority: Pubkey) -> Instruction {
        self.ix(
            tranche_vault::accounts::AcceptAuthority {
                new_authority,
                vault: self.vault,
            },
            tranche_vault::instruction::AcceptAuthority {}.data(),
        )
    }
}

fn readonly(keys: &[Pubkey]) -> Vec<anchor_lang::solana_program::instruction::AccountMeta> {
    keys.iter()
        .map(|k| anchor_lang::solana_program::instruction::AccountMeta::new_readonly(*k, false))
        .collect()
}
