//! `add_collateral_asset`: the authority whitelists a collateral mint with its oracle and risk parameters.

use anchor_lang::prelude::*;
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
    #[account(
        init,
        payer = payer,
        space = CollateralAsset::SPACE,
        seeds = [SEED_COLLATERAL, vault.key().as_ref(), mint.key().as_ref()],
        bump,
    )]
    pub asset: Box<Account<'info, CollateralAsset>>,
    /// CHECK: created by the handler, after validation, as the asset's custody token account.
    #[account(mut, seeds = [SEED_CUSTODY, vault.key().as_ref(), mint.key().as_ref()], bump)]
    pub custody: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl AddCollateralAsset<'_> {
    /// Parameter bounds, mint decimals, and no Token-2022 extension that changes transfers.
    fn validate(&self, params: &CollateralParams) -> Result<()> {
        params.validate()?;
        require!(
            self.mint.decimals <= MAX_COLLATERAL_DECIMALS,
            VaultError::CollateralDecimalsTooLarge
        );
        cpi::check_mint_extensions(&self.mint.to_account_info())
    }

    /// 1. validate;
    /// 2. create the custody token account (authority = vault);
    /// 3. write the asset;
    /// 4. `CollateralAsset::invariant`;
    /// 5. `CollateralAssetAddedEvent`.
    pub fn handler(ctx: Context<AddCollateralAsset>, params: CollateralParams) -> Result<()> {
        ctx.accounts.validate(&params)?;
        let a = ctx.accounts;
        let vault_key = a.vault.key();
        let mint_key = a.mint.key();
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
        let asset = &mut a.asset;
        asset.vault = vault_key;
        asset.mint = mint_key;
        asset.token_program = a.token_program.key();
        asset.custody = a.custody.key();
        asset.decimals = a.mint.decimals;
        asset.bump = ctx.bumps.asset;
        asset.custody_bump = ctx.bumps.custody;
        asset.set_params(&params);
        asset.invariant()?;
        emit!(CollateralAssetAddedEvent {
            vault: vault_key,
            asset: asset.key(),
            mint: mint_key,
            custody: asset.custody,
            decimals: asset.decimals,
            params,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
