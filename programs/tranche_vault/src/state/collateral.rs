//! Collateral assets: one PDA per (vault, mint), created by the authority.

use anchor_lang::prelude::*;

use crate::constants::*;
use crate::errors::VaultError;
use crate::math::health::PricedCollateral;
use crate::math::Sf;
use crate::oracle::{OraclePrice, OracleSetting};

/// The risk parameters of a collateral asset, as `add_collateral_asset` takes them and governance will change
/// them. [`CollateralParams::validate`] is their one bounds check.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct CollateralParams {
    pub oracle: OracleSetting,
    /// Borrowing power per unit of value, bps.
    pub max_ltv_bps: u16,
    /// Liquidation power per unit of value, bps; above max LTV.
    pub liquidation_threshold_bps: u16,
    /// Extra collateral a liquidator receives, bps of the repaid value.
    pub liquidation_bonus_bps: u16,
    /// Most native units the vault holds of this asset across positions.
    pub deposit_cap: u64,
    /// Deposits allowed (withdrawals, repayments and liquidations never depend on it).
    pub enabled: bool,
}

impl CollateralParams {
    /// 0 < max LTV < liquidation threshold; threshold · (1 + bonus) ≤ 100 % (a liquidation at health 1 can
    /// always pay its bonus); bonus ≤ MAX_LIQUIDATION_BONUS_BPS; oracle bounds.
    pub fn validate(&self) -> Result<()> {
        require!(
            self.max_ltv_bps > 0 && self.max_ltv_bps < self.liquidation_threshold_bps,
            VaultError::InvalidMaxLtv
        );
        require!(
            self.liquidation_bonus_bps <= MAX_LIQUIDATION_BONUS_BPS,
            VaultError::LiquidationBonusTooHigh
        );
        let t = u64::from(self.liquidation_threshold_bps);
        require!(
            t < BPS && t * (BPS + u64::from(self.liquidation_bonus_bps)) <= BPS * BPS,
            VaultError::InvalidLiquidationThreshold
        );
        self.oracle.validate()
    }
}

#[account]
#[derive(Debug, Default, PartialEq, Eq, InitSpace)]
pub struct CollateralAsset {
    pub vault: Pubkey,
    pub mint: Pubkey,
    /// SPL Token or Token-2022: owner of the mint and the custody.
    pub token_program: Pubkey,
    /// Token account (PDA `[SEED_CUSTODY, vault, mint]`, authority = vault) that holds the deposits.
    pub custody: Pubkey,
    pub decimals: u8,
    pub bump: u8,
    pub custody_bump: u8,
    pub oracle: OracleSetting,
    pub max_ltv_bps: u16,
    pub liquidation_threshold_bps: u16,
    pub liquidation_bonus_bps: u16,
    pub deposit_cap: u64,
    pub enabled: bool,
    /// Native units held across all positions (what the custody holds on the books).
    pub total_deposits: u64,
    pub _reserved: [u64; 8],
}

impl CollateralAsset {
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    pub fn params(&self) -> CollateralParams {
        CollateralParams {
            oracle: self.oracle,
            max_ltv_bps: self.max_ltv_bps,
            liquidation_threshold_bps: self.liquidation_threshold_bps,
            liquidation_bonus_bps: self.liquidation_bonus_bps,
            deposit_cap: self.deposit_cap,
            enabled: self.enabled,
        }
    }

    pub fn set_params(&mut self, p: &CollateralParams) {
        self.oracle = p.oracle;
        self.max_ltv_bps = p.max_ltv_bps;
        self.liquidation_threshold_bps = p.liquidation_threshold_bps;
        self.liquidation_bonus_bps = p.liquidation_bonus_bps;
        self.deposit_cap = p.deposit_cap;
        self.enabled = p.enabled;
    }

    /// `amount` of this asset at `price`, valued at its low side, for `math::health`; at 0 without a price (a
    /// failing oracle in a liquidation).
    pub fn priced(&self, amount: u64, price: Option<&OraclePrice>) -> PricedCollateral {
        PricedCollateral {
            amount,
            decimals: self.decimals,
            price_low: price.map_or(Sf::ZERO, OraclePrice::low),
            max_ltv_bps: self.max_ltv_bps,
            liquidation_threshold_bps: self.liquidation_threshold_bps,
        }
    }

    /// Parameters within bounds; decimals within bounds.
    pub fn invariant(&self) -> Result<()> {
        self.params().validate()?;
        require!(
            self.decimals <= MAX_COLLATERAL_DECIMALS,
            VaultError::CollateralDecimalsTooLarge
        );
        Ok(())
    }
}
