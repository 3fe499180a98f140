//! Instruction builders for off-chain clients (the CLI, the tests): every account of an instruction derived from
//! the vault's addresses, built through the program's own `accounts` and `instruction` types. Host-only.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::{system_program, InstructionData, ToAccountMetas};

use crate::constants::TRANCHE_TOKEN_PROGRAM;
use crate::cpi::TokenMetadataArgs;
use crate::state::{CollateralParams, ConfigChange, Tranche};
use crate::{
    CancelRedeemArgs, CapTarget, ClaimRedeemArgs, DepositArgs, InitializeTrancheArgs,
    InitializeVaultArgs, LiquidateArgs, RequestRedeemArgs, UpdateTrancheMetadataArgs,
};

/// A vault's creation, `initialize_tranche` for each tranche and then `initialize_vault`, with every account
/// derived from (authority, quote mint, vault id).
#[derive(Clone, Debug)]
pub struct InitializeVaultBuilder {
    pub payer: Pubkey,
    pub authority: Pubkey,
    pub quote_mint: Pubkey,
    pub token_program: Pubkey,
    pub args: InitializeVaultArgs,
    /// Name, symbol and URI of the senior, mezzanine and junior tokens, in that order.
    pub tranche_metadata: [TokenMetadataArgs; 3],
}

/// The addresses of a vault: what `initialize_vault` creates, and what it was created with.
#[derive(Clone, Copy, Debug)]
pub struct VaultAddresses {
    pub vault: Pubkey,
    pub liquidity: Pubkey,
    pub tranche_mints: [Pubkey; 3],
    pub escrows: [Pubkey; 3],
    pub quote_mint: Pubkey,
    /// The quote mint's token program.
    pub token_program: Pubkey,
    /// The tranche mints' and escrows' (`TRANCHE_TOKEN_PROGRAM`, Token-2022).
    pub tranche_token_program: Pubkey,
}

impl InitializeVaultBuilder {
    pub fn new(
        payer: Pubkey,
        authority: Pubkey,
        quote_mint: Pubkey,
        token_program: Pubkey,
        args: InitializeVaultArgs,
        tranche_metadata: [TokenMetadataArgs; 3],
    ) -> Self {
        InitializeVaultBuilder {
            payer,
            authority,
            quote_mint,
            token_program,
            args,
            tranche_metadata,
        }
    }

    pub fn addresses(&self) -> VaultAddresses {
        let vault = crate::pda::vault(&self.authority, &self.quote_mint, self.args.vault_id).0;
        VaultAddresses {
            vault,
            liquidity: crate::pda::liquidity(&vault).0,
            tranche_mints: Tranche::ALL.map(|t| crate::pda::tranche_mint(&vault, t).0),
            escrows: Tranche::ALL.map(|t| crate::pda::escrow(&vault, t).0),
            quote_mint: self.quote_mint,
            token_program: self.token_program,
            tranche_token_program: TRANCHE_TOKEN_PROGRAM,
        }
    }

    /// The four instructions in order, the three tranches and then the vault: one transaction creates the vault
    /// whole or not at all (each may also go in a transaction of its own, in this order).
    pub fn instructions(&self) -> Vec<Instruction> {
        let mut ixs: Vec<_> = Tranche::ALL.map(|t| self.initialize_tranche(t)).into();
        ixs.push(self.initialize_vault());
        ixs
    }

    /// `initialize_tranche` of tranche `t`.
    pub fn initialize_tranche(&self, t: Tranche) -> Instruction {
        let a = self.addresses();
        Instruction {
            program_id: crate::ID,
            accounts: crate::accounts::InitializeTranche {
                payer: self.payer,
                authority: self.authority,
                vault: a.vault,
                quote_mint: self.quote_mint,
                tranche_mint: a.tranche_mints[t.index()],
                escrow: a.escrows[t.index()],
                tranche_token_program: a.tranche_token_program,
                system_program: system_program::ID,
            }
            .to_account_metas(None),
            data: crate::instruction::InitializeTranche {
                args: InitializeTrancheArgs {
                    vault_id: self.args.vault_id,
                    tranche: t.into(),
                    metadata: self.tranche_metadata[t.index()].clone(),
                },
            }
            .data(),
        }
    }

    /// `initialize_vault`, once the three tranches exist.
    pub fn initialize_vault(&self) -> Instruction {
        let a = self.addresses();
        Instruction {
            program_id: crate::ID,
            accounts: crate::accounts::InitializeVault {
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
            data: crate::instruction::InitializeVault {
                args: self.args.clone(),
            }
            .data(),
        }
    }
}

impl VaultAddresses {
    fn ix(&self, accounts: impl ToAccountMetas, data: Vec<u8>) -> Instruction {
        Instruction {
            program_id: crate::ID,
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
            crate::accounts::Deposit {
                depositor,
                vault: self.vault,
                tranche_mint: self.tranche_mints[t],
                quote_mint: self.quote_mint,
                liquidity: self.liquidity,
                depositor_quote: quote,
                depositor_shares: shares,
                token_program: self.token_program,
                tranche_token_program: self.tranche_token_program,
            },
            crate::instruction::Deposit { args }.data(),
        )
    }

    /// `request_redeem` of `amount` of `owner`'s `t` tranche tokens held in `shares`.
    pub fn request_redeem(
        &self,
        owner: Pubkey,
        shares: Pubkey,
        t: Tranche,
        amount: u64,
    ) -> Instruction {
        let args = RequestRedeemArgs {
            tranche: t.into(),
            shares: amount,
        };
        self.ix(
            crate::accounts::RequestRedeem {
                owner,
                vault: self.vault,
                tranche_mint: self.tranche_mints[t.index()],
                escrow: self.escrows[t.index()],
                owner_shares: shares,
                request: crate::pda::redemption(&self.vault, &owner, t).0,
                tranche_token_program: self.tranche_token_program,
                system_program: system_program::ID,
            },
            crate::instruction::RequestRedeem { args }.data(),
        )
    }

    /// `cancel_redeem`, returning the unfilled shares to `shares`.
    pub fn cancel_redeem(&self, owner: Pubkey, shares: Pubkey, tranche: Tranche) -> Instruction {
        self.ix(
            crate::accounts::CancelRedeem {
                owner,
                vault: self.vault,
                tranche_mint: self.tranche_mints[tranche.index()],
                escrow: self.escrows[tranche.index()],
                owner_shares: shares,
                request: crate::pda::redemption(&self.vault, &owner, tranche).0,
                tranche_token_program: self.tranche_token_program,
            },
            crate::instruction::CancelRedeem {
                args: CancelRedeemArgs {
                    tranche: tranche.into(),
                },
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
            crate::accounts::ClaimRedeem {
                owner,
                vault: self.vault,
                quote_mint: self.quote_mint,
                liquidity: self.liquidity,
                owner_quote: quote,
                request: crate::pda::redemption(&self.vault, &owner, tranche).0,
                generation_record,
                token_program: self.token_program,
            },
            crate::instruction::ClaimRedeem {
                args: ClaimRedeemArgs {
                    tranche: tranche.into(),
                },
            }
            .data(),
        )
    }

    /// `close_epoch`, with the generation-record PDAs of each tranche's `generations` (the vault's current ones).
    pub fn close_epoch(&self, payer: Pubkey, generations: [u64; 3]) -> Instruction {
        let g = |t: Tranche| crate::pda::generation(&self.vault, t, generations[t.index()]).0;
        self.ix(
            crate::accounts::CloseEpoch {
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
                tranche_token_program: self.tranche_token_program,
                system_program: system_program::ID,
            },
            crate::instruction::CloseEpoch {}.data(),
        )
    }

    /// `update_tranche_metadata` of tranche `t`, signed by the vault's `authority`; `payer` funds a longer one.
    pub fn update_tranche_metadata(
        &self,
        authority: Pubkey,
        payer: Pubkey,
        t: Tranche,
        metadata: TokenMetadataArgs,
    ) -> Instruction {
        self.ix(
            crate::accounts::UpdateTrancheMetadata {
                authority,
                payer,
                vault: self.vault,
                tranche_mint: self.tranche_mints[t.index()],
                tranche_token_program: self.tranche_token_program,
                system_program: system_program::ID,
            },
            crate::instruction::UpdateTrancheMetadata {
                args: UpdateTrancheMetadataArgs {
                    tranche: t.into(),
                    metadata,
                },
            }
            .data(),
        )
    }

    pub fn accrue(&self) -> Instruction {
        self.ix(
            crate::accounts::Accrue { vault: self.vault },
            crate::instruction::Accrue {}.data(),
        )
    }
}

impl VaultAddresses {
    /// The addresses a vault's state records.
    pub fn from_state(vault: Pubkey, state: &crate::state::Vault) -> Self {
        VaultAddresses {
            vault,
            liquidity: state.liquidity,
            tranche_mints: state.tranche_mints(),
            escrows: [0, 1, 2].map(|t| state.tranches[t].escrow),
            quote_mint: state.quote_mint,
            token_program: state.quote_token_program,
            tranche_token_program: TRANCHE_TOKEN_PROGRAM,
        }
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
            asset: crate::pda::collateral_asset(vault, &mint).0,
            mint,
            custody: crate::pda::custody(vault, &mint).0,
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
            crate::accounts::AddCollateralAsset {
                payer,
                authority,
                vault: self.vault,
                mint: a.mint,
                asset: a.asset,
                custody: a.custody,
                token_program: a.token_program,
                system_program: system_program::ID,
            },
            crate::instruction::AddCollateralAsset { params }.data(),
        )
    }

    pub fn open_position(&self, payer: Pubkey, owner: Pubkey, position_id: u64) -> Instruction {
        self.ix(
            crate::accounts::OpenPosition {
                payer,
                owner,
                vault: self.vault,
                position: crate::pda::position(&self.vault, &owner, position_id).0,
                system_program: system_program::ID,
            },
            crate::instruction::OpenPosition { position_id }.data(),
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
            crate::accounts::DepositCollateral {
                owner,
                position,
                asset: a.asset,
                custody: a.custody,
                mint: a.mint,
                owner_tokens,
                token_program: a.token_program,
            },
            crate::instruction::DepositCollateral { amount }.data(),
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
            crate::accounts::WithdrawCollateral {
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
            crate::instruction::WithdrawCollateral { amount }.data(),
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
            crate::accounts::Borrow {
                owner,
                vault: self.vault,
                position,
                quote_mint: self.quote_mint,
                liquidity: self.liquidity,
                owner_quote,
                quote_oracle,
                token_program: self.token_program,
            },
            crate::instruction::Borrow { amount }.data(),
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
            crate::accounts::Repay {
                payer,
                vault: self.vault,
                position,
                quote_mint: self.quote_mint,
                liquidity: self.liquidity,
                payer_quote,
                token_program: self.token_program,
            },
            crate::instruction::Repay { amount }.data(),
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
            crate::accounts::Liquidate {
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
            crate::instruction::Liquidate { args }.data(),
        );
        ix.accounts.extend(readonly(pricing));
        ix
    }
}

impl VaultAddresses {
    pub fn proposal(&self, proposal_id: u64) -> Pubkey {
        crate::pda::proposal(&self.vault, proposal_id).0
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
            crate::accounts::ProposeConfig {
                payer,
                authority,
                vault: self.vault,
                proposal: self.proposal(proposal_id),
                asset,
                system_program: system_program::ID,
            },
            crate::instruction::ProposeConfig {
                proposal_id,
                change,
            }
            .data(),
        )
    }

    pub fn execute_config(
        &self,
        proposal_id: u64,
        rent_payer: Pubkey,
        asset: Option<Pubkey>,
    ) -> Instruction {
        self.ix(
            crate::accounts::ExecuteConfig {
                vault: self.vault,
                proposal: self.proposal(proposal_id),
                rent_payer,
                asset,
            },
            crate::instruction::ExecuteConfig {}.data(),
        )
    }

    pub fn cancel_config(
        &self,
        authority: Pubkey,
        proposal_id: u64,
        rent_payer: Pubkey,
    ) -> Instruction {
        self.ix(
            crate::accounts::CancelConfig {
                authority,
                vault: self.vault,
                proposal: self.proposal(proposal_id),
                rent_payer,
            },
            crate::instruction::CancelConfig {}.data(),
        )
    }

    pub fn set_pause(&self, signer: Pubkey, flags: u32) -> Instruction {
        self.ix(
            crate::accounts::SetPause {
                signer,
                vault: self.vault,
            },
            crate::instruction::SetPause { flags }.data(),
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
            crate::accounts::LowerCap {
                signer,
                vault: self.vault,
                asset,
            },
            crate::instruction::LowerCap { target, cap }.data(),
        )
    }

    pub fn propose_authority(&self, authority: Pubkey, new_authority: Pubkey) -> Instruction {
        self.ix(
            crate::accounts::ProposeAuthority {
                authority,
                vault: self.vault,
            },
            crate::instruction::ProposeAuthority { new_authority }.data(),
        )
    }

    pub fn accept_authority(&self, new_authority: Pubkey) -> Instruction {
        self.ix(
            crate::accounts::AcceptAuthority {
                new_authority,
                vault: self.vault,
            },
            crate::instruction::AcceptAuthority {}.data(),
        )
    }
}

fn readonly(keys: &[Pubkey]) -> Vec<anchor_lang::solana_program::instruction::AccountMeta> {
    keys.iter()
        .map(|k| anchor_lang::solana_program::instruction::AccountMeta::new_readonly(*k, false))
        .collect()
}

pub use crate::oracle::{pyth_push_feed_account, PYTH_PUSH_ORACLE_ID};

/// The bytes of a Pyth `PriceUpdateV2` account for `feed`: `price` and `conf` in units of 10^`expo` (the EMA equal
/// to them), published at `publish_time`, fully verified or not. For tests, the demo and benchmarks, which write
/// their own price accounts.
pub fn price_update_bytes(
    feed: [u8; 32],
    price: i64,
    conf: u64,
    expo: i32,
    publish_time: i64,
    full: bool,
) -> Vec<u8> {
    price_update_bytes_with_ema(feed, price, conf, price, expo, publish_time, full)
}

/// [`price_update_bytes`] with an EMA price of its own (`ema`, units of 10^`expo`; its confidence is `conf`).
pub fn price_update_bytes_with_ema(
    feed: [u8; 32],
    price: i64,
    conf: u64,
    ema: i64,
    expo: i32,
    publish_time: i64,
    full: bool,
) -> Vec<u8> {
    use crate::oracle::pyth_pull::{encode, PriceUpdate, Verification};
    encode(&PriceUpdate {
        write_authority: [9; 32],
        verification: if full {
            Verification::Full
        } else {
            Verification::Partial(2)
        },
        feed_id: feed,
        raw: crate::oracle::RawPrice {
            price,
            conf,
            expo,
            ema_price: ema,
            ema_conf: conf,
            publish_time,
        },
        prev_publish_time: publish_time - 1,
        posted_slot: 1,
    })
}
