//! Borrower positions: a bounded list of collateral entries and a scaled debt.

use crate::prelude::*;

use crate::constants::*;
use crate::errors::VaultError;
use crate::math::fixed::{mul_floor, to_native_ceil, Sf};

#[derive(
    AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq, InitSpace,
)]
pub struct CollateralEntry {
    /// The `CollateralAsset` account; `Pubkey::default()` for an empty slot.
    pub asset: Pubkey,
    /// Native units of the asset's mint.
    pub amount: u64,
}

/// PDA `[SEED_POSITION, vault, owner, position_id u64 LE]`.
#[account]
#[derive(Debug, PartialEq, Eq, InitSpace)]
pub struct Position {
    pub vault: Pubkey,
    pub owner: Pubkey,
    pub position_id: u64,
    pub bump: u8,
    pub entries: [CollateralEntry; MAX_COLLATERAL_ENTRIES],
    /// Debt divided by the borrow index (fixed point raw bits): debt = scaled · index, rounded up.
    pub scaled_debt_sf: u128,
    pub _reserved: [u64; 8],
}

impl Position {
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    pub fn scaled_debt(&self) -> Sf {
        Sf::from_bits(self.scaled_debt_sf)
    }

    /// What the position owes, native quote units, rounded up.
    pub fn debt_native(&self, index: Sf) -> Result<u64> {
        to_native_ceil(mul_floor(self.scaled_debt(), index)?)
    }

    /// The entries that hold something, in slot order.
    pub fn active(&self) -> impl Iterator<Item = &CollateralEntry> {
        self.entries.iter().filter(|e| e.amount > 0)
    }

    pub fn find(&self, asset: &Pubkey) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.amount > 0 && e.asset == *asset)
    }

    /// Adds `amount` of `asset`, to its entry or to a free slot.
    pub fn add_collateral(&mut self, asset: Pubkey, amount: u64) -> Result<()> {
        let i = match self.find(&asset) {
            Some(i) => i,
            None => self
                .entries
                .iter()
                .position(|e| e.amount == 0)
                .ok_or(VaultError::PositionFull)?,
        };
        let e = &mut self.entries[i];
        e.asset = asset;
        e.amount = e
            .amount
            .checked_add(amount)
            .ok_or(VaultError::MathOverflow)?;
        Ok(())
    }

    /// Removes `amount` of `asset`; an entry that reaches 0 frees its slot.
    pub fn remove_collateral(&mut self, asset: &Pubkey, amount: u64) -> Result<()> {
        let i = self.find(asset).ok_or(VaultError::InsufficientCollateral)?;
        let e = &mut self.entries[i];
        e.amount = e
            .amount
            .checked_sub(amount)
            .ok_or(VaultError::InsufficientCollateral)?;
        if e.amount == 0 {
            *e = CollateralEntry::default();
        }
        Ok(())
    }

    /// Every non-empty entry names an asset, no asset appears twice, empty slots are cleared.
    pub fn invariant(&self) -> Result<()> {
        for (i, e) in self.entries.iter().enumerate() {
            if e.amount == 0 {
                require!(e.asset == Pubkey::default(), VaultError::InvariantViolated);
                continue;
            }
            require!(e.asset != Pubkey::default(), VaultError::InvariantViolated);
            require!(
                self.entries[i + 1..].iter().all(|o| o.asset != e.asset),
                VaultError::InvariantViolated
            );
        }
        Ok(())
    }
}
