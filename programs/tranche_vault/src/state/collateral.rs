//! Collateral assets: one PDA per (vault, mint), created by the authority.

use crate::prelude::*;

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

    /// `amount` of this asset at `price`, as [`CollateralPricing::priced`] (the clients' way in; the program reads
    /// the view).
    pub fn priced(&self, amount: u64, price: Option<&OraclePrice>) -> PricedCollateral {
        CollateralPricing {
            vault: self.vault.to_bytes(),
            _mint_token_program_custody: [0; 96],
            decimals: self.decimals,
            _bumps: [0; 2],
            oracle: self.oracle,
            max_ltv_bps: self.max_ltv_bps,
            liquidation_threshold_bps: self.liquidation_threshold_bps,
            liquidation_bonus_bps: self.liquidation_bonus_bps,
        }
        .priced(amount, price)
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

/// The fields of a [`CollateralAsset`] that pricing reads (`instructions::pricing`, once per collateral entry), at
/// their offsets after the discriminator, read in place: the borsh layout of fixed-size fields is their packed
/// little-endian layout, so one length and discriminator check replaces a full deserialization (about 470 CU an
/// entry). `tests::pricing_view_matches_the_account` keeps it in step with the account.
#[derive(Clone, Copy)]
#[repr(C, packed)]
pub struct CollateralPricing {
    pub vault: [u8; 32],
    _mint_token_program_custody: [u8; 96],
    pub decimals: u8,
    _bumps: [u8; 2],
    pub oracle: OracleSetting,
    pub max_ltv_bps: u16,
    pub liquidation_threshold_bps: u16,
    pub liquidation_bonus_bps: u16,
}

// SAFETY: `repr(C, packed)` over byte arrays, integers and `OracleSetting` (itself Pod): no padding, and every bit
// pattern is a valid value.
unsafe impl bytemuck::Zeroable for CollateralPricing {}
// SAFETY: as above.
unsafe impl bytemuck::Pod for CollateralPricing {}

impl CollateralPricing {
    /// The view of a `CollateralAsset` account's data: Anchor's errors for a short account
    /// (`AccountDiscriminatorNotFound`, `AccountDidNotDeserialize`) and another type
    /// (`AccountDiscriminatorMismatch`), as `try_deserialize` gives them. The caller checks the owner.
    pub fn view(data: &[u8]) -> Result<&CollateralPricing> {
        let (disc, rest) = data
            .split_at_checked(8)
            .ok_or(ErrorCode::AccountDiscriminatorNotFound)?;
        require!(
            disc == CollateralAsset::DISCRIMINATOR,
            ErrorCode::AccountDiscriminatorMismatch
        );
        let fields = rest
            .get(..std::mem::size_of::<CollateralPricing>())
            .ok_or(ErrorCode::AccountDidNotDeserialize)?;
        bytemuck::try_from_bytes(fields).map_err(|_| error!(ErrorCode::AccountDidNotDeserialize))
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field the view reads equals the account's, on an account whose fields all differ.
    #[test]
    fn pricing_view_matches_the_account() {
        let a = CollateralAsset {
            vault: Pubkey::new_from_array([1; 32]),
            mint: Pubkey::new_from_array([2; 32]),
            token_program: Pubkey::new_from_array([3; 32]),
            custody: Pubkey::new_from_array([4; 32]),
            decimals: 9,
            bump: 250,
            custody_bump: 251,
            oracle: OracleSetting {
                program: Pubkey::new_from_array([5; 32]),
                feed_id: [6; 32],
                account: Pubkey::new_from_array([7; 32]),
                max_age_secs: 0x0102_0304,
                max_conf_bps: 0x0506,
                kind: 1,
                _pad: 7,
            },
            max_ltv_bps: 0x1112,
            liquidation_threshold_bps: 0x1314,
            liquidation_bonus_bps: 0x1516,
            deposit_cap: u64::MAX,
            enabled: true,
            total_deposits: 42,
            _reserved: [9; 8],
        };
        let mut data = Vec::new();
        a.try_serialize(&mut data).unwrap();
        let v = *CollateralPricing::view(&data).unwrap();
        let (oracle, ltv, threshold, bonus) = (
            v.oracle,
            v.max_ltv_bps,
            v.liquidation_threshold_bps,
            v.liquidation_bonus_bps,
        );
        assert_eq!(v.vault, a.vault.to_bytes());
        assert_eq!(v.decimals, a.decimals);
        assert_eq!(oracle, a.oracle);
        assert_eq!(
            (ltv, threshold, bonus),
            (
                a.max_ltv_bps,
                a.liquidation_threshold_bps,
                a.liquidation_bonus_bps
            )
        );
        let short = &data[..8 + std::mem::size_of::<CollateralPricing>() - 1];
        assert_eq!(
            CollateralPricing::view(short).err(),
            Some(error!(ErrorCode::AccountDidNotDeserialize))
        );
        let mut other = data.clone();
        other[0] ^= 1;
        assert_eq!(
            CollateralPricing::view(&other).err(),
            Some(error!(ErrorCode::AccountDiscriminatorMismatch))
        );
        assert_eq!(
            CollateralPricing::view(&data[..7]).err(),
            Some(error!(ErrorCode::AccountDiscriminatorNotFound))
        );
    }
}
