//! `open_position`: a borrower opens an empty position.

use anchor_lang::prelude::*;

use crate::constants::*;
use crate::events::PositionOpenedEvent;
use crate::state::{Position, Vault};

#[derive(Accounts)]
#[instruction(position_id: u64)]
pub struct OpenPosition<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    pub owner: Signer<'info>,
    pub vault: AccountLoader<'info, Vault>,
    #[account(
        init,
        payer = payer,
        space = Position::SPACE,
        seeds = [SEED_POSITION, vault.key().as_ref(), owner.key().as_ref(), &position_id.to_le_bytes()],
        bump,
    )]
    pub position: Box<Account<'info, Position>>,
    pub system_program: Program<'info, System>,
}

impl OpenPosition<'_> {
    pub fn handler(ctx: Context<OpenPosition>, position_id: u64) -> Result<()> {
        let p = &mut ctx.accounts.position;
        p.vault = ctx.accounts.vault.key();
        p.owner = ctx.accounts.owner.key();
        p.position_id = position_id;
        p.bump = ctx.bumps.position;
        p.invariant()?;
        emit!(PositionOpenedEvent {
            vault: p.vault,
            position: p.key(),
            owner: p.owner,
            position_id,
            ts: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
