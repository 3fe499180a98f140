//! `add_collateral_asset`: the authority lists a collateral mint with its oracle and risk parameters, disabled
//! and with a deposit cap of 0. Nothing can be deposited, so nothing borrowed against it, until a timelocked
//! `ConfigChange::Collateral` enables it, after depositors could leave (see `execute_config`).

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::constants::*;
use crate::cpi;
use crate::errors::VaultError;
use crate::events::CollateralAssetAddedEvent;
use crate::state::{CollateralAsset, CollateralParams, Vault};

#[derive(Accounts)]
pub struct AddCollateralAsset<'info> {
    /// Pays rent for the asset and its custody.
    #[account(mut)]
    pub payer: Signer<'info>,
    /// The vault's governance authority (may be a multisig PDA signing by CPI).
    pub authority: Signer<'info>,
    #[account(has_one = authority @ VaultError::NotAuthority)]
    pub vault: AccountLoader<'info, Vault>,
    #[account(owner = token_program.key() @ VaultError::WrongTokenProgram)]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: created by the handler (`cpi::create_program_account`, which a pre-funded address cannot block).
    #[account(mut, seeds = [SEED_COLLATERAL, vault.key().as_ref(), mint.key().as_ref()], bump)]
    pub asset: UncheckedAccount<'info>,
    /// CHECK: created by the handler, after validation, as the asset's custody token account.
    #[account(mut, seeds = [SEED_CUSTODY, vault.key().as_ref(), mint.key().as_ref()], bump)]
    pub custody: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl AddCollateralAsset<'_> {
    /// Parameter bounds (the oracle on a known Pyth program, its account pinned), listed disabled with cap 0,
    /// mint decimals, and no Token-2022 extension that changes transfers.
    fn validate(&self, params: &CollateralParams) -> Result<()> {
        params.validate()?;
        // Listing loosens nothing until the timelock enables it (`ConfigChange::Collateral`).
        require!(
            !params.enabled && params.deposit_cap == 0,
            VaultError::NewAssetNotDisabled
        );
        require!(
            self.mint.decimals <= MAX_COLLATERAL_DECIMALS,
            VaultError::CollateralDecimalsTooLarge
        );
        cpi::check_mint_extensions(&self.mint.to_account_info())
    }

    /// 1. validate;
    /// 2. `CollateralAsset::invariant`; create the asset account (`AccountAlreadyExists` if the mint is listed);
    /// 3. create the custody token account (authority = vault);
    /// 4. `CollateralAssetAddedEvent`.
    pub fn handler(ctx: Context<AddCollateralAsset>, params: CollateralParams) -> Result<()> {
        ctx.accounts.validate(&params)?;
        let a = ctx.accounts;
        let vault_key = a.vault.key();
        let mint_key = a.mint.key();
        let mut asset = CollateralAsset {
            vault: vault_key,
            mint: mint_key,
            token_program: a.token_program.key(),
            custody: a.custody.key(),
            decimals: a.mint.decimals,
            bump: ctx.bumps.asset,
            custody_bump: ctx.bumps.custody,
            total_deposits: 0,
            ..CollateralAsset::default()
        };
        asset.set_params(&params);
        asset.invariant()?;
        cpi::create_program_account(
            &a.payer.to_account_info(),
            &a.asset.to_account_info(),
            &a.system_program.to_account_info(),
            CollateralAsset::SPACE,
            &[
                SEED_COLLATERAL,
                vault_key.as_ref(),
                mint_key.as_ref(),
                &[ctx.bumps.asset],
            ],
            &asset,
        )?;
        cpi::create_pda_token_account(
            &a.payer.to_account_info(),
            &a.custody.to_account_info(),
            &[
                SEED_CUSTODY,
                vault_key.as_ref(),
                mint_key.as_ref(),
                &[ctx.bumps.custody],
            ],
            &a.mint.to_account_info(),
            &a.vault.to_account_info(),
            &a.token_program.to_account_info(),
            &a.system_program.to_account_info(),
        )?;
        emit!(CollateralAssetAddedEvent {
            vault: vault_key,
            asset: a.asset.key(),
            mint: mint_key,
            custody: asset.custody,
            decimals: asset.decimals,
            params,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
