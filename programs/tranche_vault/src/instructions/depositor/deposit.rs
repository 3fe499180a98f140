//! `deposit`: buy tranche tokens with the quote asset.

use crate::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::*;
use crate::cpi;
use crate::errors::VaultError;
use crate::events::DepositEvent;
use crate::instructions::keeper::accrue::accrue_vault;
use crate::math::fixed::{add, from_native};
use crate::math::subordination;
use crate::state::{Tranche, Vault};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct DepositArgs {
    pub tranche: Tranche,
    /// Quote to pay in, native units.
    pub amount: u64,
    /// Refuse the deposit if fewer tranche tokens would be minted (slippage guard), native units.
    pub min_shares: u64,
}

#[derive(Accounts)]
#[instruction(args: DepositArgs)]
pub struct Deposit<'info> {
    pub depositor: Signer<'info>,
    #[account(
        mut,
        has_one = quote_mint @ VaultError::WrongQuoteMint,
        has_one = liquidity @ VaultError::WrongLiquidity,
    )]
    pub vault: AccountLoader<'info, Vault>,
    #[account(mut, dup, address = vault.load()?.tranche(args.tranche).mint @ VaultError::WrongTrancheMint)]
    pub tranche_mint: Box<InterfaceAccount<'info, Mint>>,
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, dup)]
    pub liquidity: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The depositor's quote account (the depositor is its owner or delegate).
    #[account(
        mut, dup,
        constraint = depositor_quote.mint == quote_mint.key() @ VaultError::WrongTokenMint,
        constraint = depositor_quote.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub depositor_quote: Box<InterfaceAccount<'info, TokenAccount>>,
    /// Receives the tranche tokens; any account of the tranche mint that the vault does not own.
    #[account(
        mut, dup,
        constraint = depositor_shares.mint == tranche_mint.key() @ VaultError::WrongTokenMint,
        constraint = depositor_shares.owner != vault.key() @ VaultError::VaultOwnedTokenAccount,
    )]
    pub depositor_shares: Box<InterfaceAccount<'info, TokenAccount>>,
    /// The quote mint's token program.
    #[account(address = vault.load()?.quote_token_program @ VaultError::WrongTokenProgram)]
    pub token_program: Interface<'info, TokenInterface>,
    /// Token-2022: the tranche mints' program.
    #[account(address = TRANCHE_TOKEN_PROGRAM @ VaultError::WrongTrancheTokenProgram)]
    pub tranche_token_program: Interface<'info, TokenInterface>,
}

/// What a valid deposit mints.
struct Minted {
    shares: u64,
    /// Dead shares locked (first deposit of the tranche only).
    dead: u64,
}

impl Deposit<'_> {
    /// Business rules, on the accrued vault: amount > 0, not paused, tranche not wiped out, cap, subordination,
    /// the first-deposit minimum; then the shares, which must be > 0 and ≥ `min_shares`.
    fn validate(&self, vault: &Vault, args: &DepositArgs) -> Result<Minted> {
        require!(args.amount > 0, VaultError::ZeroAmount);
        require!(
            vault.pause_flags & PAUSE_DEPOSITS == 0,
            VaultError::DepositsPaused
        );
        let t = vault.tranche(args.tranche);
        require!(!t.is_wiped_out(), VaultError::TrancheWipedOut);
        let amount = from_native(args.amount);
        require!(
            add(t.nav(), amount)? <= from_native(t.deposit_cap),
            VaultError::DepositCapExceeded
        );
        subordination::check_deposit(args.tranche, amount, &vault.navs(), vault.limits())?;
        let (shares, dead) = t.shares_for_deposit(args.amount, self.tranche_mint.supply)?;
        let minted = Minted { shares, dead };
        require!(minted.shares > 0, VaultError::DepositTooSmall);
        require!(
            minted.shares >= args.min_shares,
            VaultError::SlippageExceeded
        );
        Ok(minted)
    }

    /// 1. accrue;
    /// 2. validate and price the shares (`math::shares`, rounded down);
    /// 3. transfer the quote in, mint the shares;
    /// 4. book NAV and liquidity, and check the liquidity balance covers the books;
    /// 5. `Vault::invariant`;
    /// 6. `DepositEvent`.
    pub fn handler(ctx: Context<Deposit>, args: DepositArgs) -> Result<()> {
        cu_mark!("deposit: entrypoint and accounts");
        let now = Clock::get()?.unix_timestamp;
        let a = &ctx.accounts;
        let key = a.vault.key();
        let (minted, signer) = {
            let mut vault = a.vault.load_mut()?;
            accrue_vault(&mut vault, key, now)?;
            let minted = a.validate(&vault, &args)?;
            cu_mark!("deposit: checks and shares");
            (minted, vault.signer())
        };

        let token_program = a.token_program.to_account_info();
        cpi::token_transfer(
            &token_program,
            &a.depositor_quote.to_account_info(),
            &a.quote_mint.to_account_info(),
            &a.liquidity.to_account_info(),
            &a.depositor.to_account_info(),
            None,
            args.amount,
            a.quote_mint.decimals,
        )?;
        cu_mark!("deposit: transfer_checked in (CPI)");
        cpi::vault_mint_to(
            &a.tranche_token_program.to_account_info(),
            &a.tranche_mint.to_account_info(),
            &a.depositor_shares.to_account_info(),
            &a.vault.to_account_info(),
            &signer,
            minted.shares,
        )?;
        cu_mark!("deposit: mint_to (CPI)");

        let a = ctx.accounts;
        a.liquidity.reload()?;
        let mut vault = a.vault.load_mut()?;
        vault.credit_liquidity(args.amount)?;
        require!(
            a.liquidity.amount >= vault.liquidity_native,
            VaultError::BalanceMismatch
        );
        let t = vault.tranche_mut(args.tranche);
        t.nav_sf.set(add(t.nav(), from_native(args.amount))?);
        t.dead_shares = t
            .dead_shares
            .checked_add(minted.dead)
            .ok_or(VaultError::MathOverflow)?;
        let supply_after = a
            .tranche_mint
            .supply
            .checked_add(minted.shares)
            .ok_or(VaultError::MathOverflow)?;
        t.supply = supply_after;
        let nav_after = t.nav();
        vault.invariant()?;
        cu_mark!("deposit: books and invariant");

        emit!(DepositEvent {
            vault: key,
            tranche: args.tranche.index() as u8,
            depositor: a.depositor.key(),
            amount: args.amount,
            shares: minted.shares,
            dead_shares: minted.dead,
            nav_after_sf: nav_after.to_bits(),
            supply_after,
            ts: now,
        });
        Ok(())
    }
}
