//! `open_position`: a borrower opens an empty position.

use crate::prelude::*;

use crate::constants::*;
use crate::cpi;
use crate::events::PositionOpenedEvent;
use crate::state::{CollateralEntry, Position, Vault};

#[derive(Accounts)]
#[instruction(position_id: u64)]
pub struct OpenPosition<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    pub owner: Signer<'info>,
    pub vault: AccountLoader<'info, Vault>,
    /// CHECK: created by the handler (`cpi::create_program_account`, which a pre-funded address cannot block).
    #[account(
        mut,
        seeds = [SEED_POSITION, vault.key().as_ref(), owner.key().as_ref(), &position_id.to_le_bytes()],
        bump,
    )]
    pub position: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl OpenPosition<'_> {
    /// 1. create the position PDA (`AccountAlreadyExists` if this id is taken);
    /// 2. `Position::invariant`;
    /// 3. `PositionOpenedEvent`.
    pub fn handler(ctx: Context<OpenPosition>, position_id: u64) -> Result<()> {
        let a = &ctx.accounts;
        let p = Position {
            vault: a.vault.key(),
            owner: a.owner.key(),
            position_id,
            bump: ctx.bumps.position,
            entries: [CollateralEntry::default(); MAX_COLLATERAL_ENTRIES],
            scaled_debt_sf: 0,
            _reserved: [0; 8],
        };
        p.invariant()?;
        let (vault, owner, id) = (p.vault, p.owner, position_id.to_le_bytes());
        cpi::create_program_account(
            &a.payer.to_account_info(),
            &a.position.to_account_info(),
            &a.system_program.to_account_info(),
            Position::SPACE,
            &[
                SEED_POSITION,
                vault.as_ref(),
                owner.as_ref(),
                &id,
                &[ctx.bumps.position],
            ],
            &p,
        )?;
        emit!(PositionOpenedEvent {
            vault,
            position: a.position.key(),
            owner,
            position_id,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
