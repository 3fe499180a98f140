//! `liquidate`: permissionless, on a position whose health is below 1. The liquidator repays part of the debt
//! (up to the close factor, or all of it when the debt is dust or health is deep below 1) and receives one
//! collateral asset worth the repayment plus the asset's bonus, capped at what the position holds. When the
//! position has no collateral left and debt remains, that bad debt is written off in the same instruction,
//! through the loss waterfall (junior, mezzanine, senior). Nothing blocks it: no pause, cap or enabled flag is
//! checked, only the position's own assets are priced, and of those only the seized asset (and the quote) must
//! price: an entry whose oracle fails is valued at 0 (`Pricing::Liquidation`).

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::cpi;
use crate::errors::VaultError;
use crate::events::PositionLiquidatedEvent;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::instructions::pricing::{price_position, Pricing};
use crate::math::fixed::{sub, Sf};
use crate::math::interest::scaled_repaid;
use crate::math::liquidation::{liquidation_amounts, LiquidationAmounts, LiquidationInput};
use crate::state::{CollateralAsset, Position, Vault};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidateArgs {
    /// Most quote the liquidator will repay, native units (clamped to the close factor).
    pub max_repay: u64,
    /// Refuse if less collateral than this would be received (the bot's slippage guard), native units.
    pub min_seize: u64,
}

#[derive(Accounts)]
pub struct Liquidate<'info> {
    pub liquidator: Signer<'info>,
    #[account(
        mut,
        has_one = quote_mint @ VaultError::WrongQuoteMint,
        has_one = liquidity @ VaultError::WrongLiquidity,
    )]
    pub vault: AccountLoader<'info, Vault>,
    #[account(mut, dup, has_one = vault @ VaultError::WrongPosition)]
    pub position: Box<Account<'info, Position>>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup)]
    pub liquidity: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Pays the repayment (the liquidator is its owner or delegate).
    #[account(
        mut, dup,
        constraint = liquidator_quote.mint == quote_mint.key() @ VaultError::WrongTokenMint,
        constraint = liquidator_quote.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub liquidator_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The collateral asset to seize; one of the position's entries.
    #[account(
        mut, dup,
        has_one = vault @ VaultError::CollateralFromAnotherVault,
        constraint = seize_asset.custody == seize_custody.key() @ VaultError::WrongCustody,
        constraint = seize_asset.mint == seize_mint.key() @ VaultError::WrongTokenMint,
    )]
    pub seize_asset: Box<Account<'info, CollateralAsset>>,
    #[account(mut, dup)]
    pub seize_custody: Box<InterfaceAccount<'info, TokenAccount>>,
    pub seize_mint: Box<InterfaceAccount<'info, Mint>>,
    /// Receives the seized collateral; any account of its mint that the vault does not own (not the custody).
    #[account(
        mut, dup,
        constraint = liquidator_collateral.mint == seize_mint.key() @ VaultError::WrongTokenMint,
        constraint = liquidator_collateral.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub liquidator_collateral: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: checked against the vault's quote oracle setting.
    pub quote_oracle: UncheckedAccount<'info>,
    #[account(address = vault.load()?.quote_token_program @ VaultError::WrongTokenProgram)]
    pub quote_token_program: Interface<'info, TokenInterface>,
    #[account(address = seize_asset.token_program @ VaultError::WrongTokenProgram)]
    pub collateral_token_program: Interface<'info, TokenInterface>,
    // remaining accounts: (collateral asset, oracle) for each active entry of the position, in slot order.
}

/// What one liquidation does.
struct Outcome {
    repay: u64,
    seize: u64,
    health_bps: u64,
    bad_debt: Sf,
    split: crate::math::waterfall::LossSplit,
    /// The position's scaled debt afterwards.
    position_scaled: Sf,
}

impl Liquidate<'_> {
    /// 1. accrue; price the position (entries other than the seized one at 0 if their oracle fails); require
    ///    health < 1;
    /// 2. the repayment and the seizure (`math::liquidation`): up to the close factor (all of the debt when it
    ///    is dust or health is below FULL_LIQUIDATION_HEALTH_BPS); collateral worth the repayment · (1 + bonus)
    ///    at spot prices, capped at the entry (the repayment then shrinks to what the entry covers);
    /// 4. book debt, collateral and liquidity; write off bad debt when no collateral is left;
    /// 5. transfer the repayment in and the collateral out;
    /// 6. invariants; `PositionLiquidatedEvent`.
    pub fn handler<'info>(
        ctx: Context<'info, Liquidate<'info>>,
        args: LiquidateArgs,
    ) -> Result<()> {
        cu_mark!("liquidate: entrypoint and accounts");
        let now = Clock::get()?.unix_timestamp;
        let a = &ctx.accounts;
        let key = a.vault.key();
        let asset_key = a.seize_asset.key();
        let (out, signer) = {
            let mut vault = a.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            let index = vault.borrow_index_sf.get();
            let debt = a.position.debt_native(index)?;
            let priced = price_position(
                &vault,
                &key,
                &a.position,
                debt,
                ctx.remaining_accounts,
                &a.quote_oracle,
                now,
                Pricing::Liquidation { seize: asset_key },
                |_, current| current,
            )?;
            require!(priced.health.is_liquidatable(), VaultError::PositionHealthy);
            let health_bps = priced.health.health_bps()?;
            let entry = priced
                .entries
                .iter()
                .find(|e| e.asset == asset_key)
                .ok_or(VaultError::SeizeAssetNotInPosition)?;
            // Priced strictly (`Pricing::Liquidation`): only the other entries may go unpriced.
            let seize_price = entry
                .price
                .ok_or(VaultError::SeizeAssetNotInPosition)?
                .price;
            let held = a
                .position
                .find(&asset_key)
                .map_or(0, |i| a.position.entries[i].amount);
            let LiquidationAmounts { repay, seize } = liquidation_amounts(&LiquidationInput {
                debt,
                max_repay: args.max_repay,
                health_bps,
                quote_decimals: vault.quote_decimals,
                quote_price: priced.quote_price.price,
                held,
                decimals: entry.decimals,
                price: seize_price,
                bonus_bps: entry.liquidation_bonus_bps,
            })?;
            require!(seize >= args.min_seize, VaultError::SlippageExceeded);

            // Book the repayment.
            let scaled = a.position.scaled_debt();
            let removed = scaled_repaid(repay, debt, scaled, index)?;
            let mut position_scaled = sub(scaled, removed)?;
            let total = sub(vault.scaled_debt_sf.get(), removed)?;
            vault.scaled_debt_sf.set(total);
            vault.credit_liquidity(repay)?;
            // Bad debt: nothing left to seize after this, and debt remains.
            let last_collateral = seize == held && a.position.active().count() == 1;
            let mut bad_debt = Sf::ZERO;
            let mut split = crate::math::waterfall::LossSplit::default();
            if last_collateral && position_scaled > Sf::ZERO {
                let debt_before = vault.debt()?;
                let total = sub(vault.scaled_debt_sf.get(), position_scaled)?;
                vault.scaled_debt_sf.set(total);
                // The loss is what the vault's debt actually falls by.
                bad_debt = sub(debt_before, vault.debt()?)?;
                split = vault.write_off(bad_debt)?;
                position_scaled = Sf::ZERO;
            }
            vault.invariant()?;
            cu_mark!("liquidate: amounts, books and invariant");
            let out = Outcome {
                repay,
                seize,
                health_bps,
                bad_debt,
                split,
                position_scaled,
            };
            (out, vault.signer())
        };
        let a = ctx.accounts;
        a.position.scaled_debt_sf = out.position_scaled.to_bits();
        a.position.remove_collateral(&asset_key, out.seize)?;
        a.seize_asset.total_deposits = a
            .seize_asset
            .total_deposits
            .checked_sub(out.seize)
            .ok_or(VaultError::MathOverflow)?;
        cpi::token_transfer(
            &a.quote_token_program.to_account_info(),
            &a.liquidator_quote.to_account_info(),
            &a.quote_mint.to_account_info(),
            &a.liquidity.to_account_info(),
            &a.liquidator.to_account_info(),
            None,
            out.repay,
            a.quote_mint.decimals,
        )?;
        if out.seize > 0 {
            cpi::token_transfer(
                &a.collateral_token_program.to_account_info(),
                &a.seize_custody.to_account_info(),
                &a.seize_mint.to_account_info(),
                &a.liquidator_collateral.to_account_info(),
                &a.vault.to_account_info(),
                Some(&signer),
                out.seize,
                a.seize_mint.decimals,
            )?;
        }
        cu_mark!("liquidate: transfers (2 CPIs)");
        a.position.invariant()?;
        a.seize_asset.invariant()?;
        let navs = a.vault.load()?.navs();
        emit!(PositionLiquidatedEvent {
            vault: key,
            position: a.position.key(),
            liquidator: a.liquidator.key(),
            asset: asset_key,
            health_bps_before: out.health_bps,
            repaid: out.repay,
            seized: out.seize,
            bad_debt_sf: out.bad_debt.to_bits(),
            written_down_sf: out.split.tranche.map(|x| x.to_bits()),
            fees_written_down_sf: out.split.fees.to_bits(),
            nav_after_sf: navs.map(|x| x.to_bits()),
            ts: now,
        });
        Ok(())
    }
}
