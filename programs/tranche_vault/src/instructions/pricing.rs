//! Pricing a position from its remaining accounts: for each active collateral entry, in slot order, the
//! `CollateralAsset` account (owned by the program, read in place through [`CollateralPricing`]) and its oracle
//! account. The quote oracle is a named account of each instruction.

use crate::prelude::*;

use crate::errors::VaultError;
use crate::math::health::{debt_value, Health};
use crate::oracle::OraclePrice;
use crate::state::{CollateralPricing, Position, Vault};

/// How strictly the entries' prices are read. Every account is checked against its pinned address either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pricing {
    /// Every entry must price (borrow, withdraw): a failing oracle refuses the action.
    Strict,
    /// `liquidate`: only `seize` must price; an entry whose price fails is valued at 0, which can only make the
    /// liquidation easier, so a dust entry on a broken oracle cannot shield a position.
    Liquidation { seize: Pubkey },
}

/// One priced entry.
#[derive(Clone, Copy, Debug)]
pub struct EntryPrice {
    pub asset: Pubkey,
    pub decimals: u8,
    pub liquidation_bonus_bps: u16,
    /// `None` when the oracle failed and the entry was valued at 0 ([`Pricing::Liquidation`] only).
    pub price: Option<OraclePrice>,
}

/// A position's health with each entry's price (in the order of the position's active entries).
pub struct PricedPosition {
    pub health: Health,
    pub entries: Vec<EntryPrice>,
    pub quote_price: OraclePrice,
}

/// Prices `position` as it would be with `amount_of(asset, current)` of each entry, against `now`. Checks that
/// the remaining accounts are exactly (asset, oracle) for each active entry, that every asset belongs to
/// `vault_key`, and each oracle against its asset's setting; the quote oracle against the vault's.
#[allow(clippy::too_many_arguments)]
pub fn price_position(
    vault: &Vault,
    vault_key: &Pubkey,
    position: &Position,
    debt_native: u64,
    remaining: &[AccountInfo],
    quote_oracle: &AccountInfo,
    now: i64,
    pricing: Pricing,
    amount_of: impl Fn(&Pubkey, u64) -> u64,
) -> Result<PricedPosition> {
    let active: Vec<_> = position.active().copied().collect();
    require!(
        remaining.len() == 2 * active.len(),
        VaultError::WrongCollateralAccounts
    );
    cu_mark!("before pricing: checks and debt");
    let quote_price = vault.quote_oracle.read(quote_oracle, now)?;
    cu_mark!("pricing: quote oracle");
    let mut priced = Vec::with_capacity(active.len());
    let mut entries = Vec::with_capacity(active.len());
    for (entry, pair) in active.iter().zip(remaining.chunks_exact(2)) {
        require_keys_eq!(
            *pair[0].key,
            entry.asset,
            VaultError::WrongCollateralAccounts
        );
        require_keys_eq!(
            *pair[0].owner,
            crate::ID,
            VaultError::WrongCollateralAccounts
        );
        let data = pair[0].try_borrow_data()?;
        let asset = CollateralPricing::view(&data)?;
        require!(
            asset.vault == vault_key.to_bytes(),
            VaultError::CollateralFromAnotherVault
        );
        cu_mark!("pricing, each entry: asset account");
        let oracle = asset.oracle;
        let price = match pricing {
            Pricing::Liquidation { seize } if seize != entry.asset => {
                oracle.read_or_none(&pair[1], now)?
            }
            _ => Some(oracle.read(&pair[1], now)?),
        };
        cu_mark!("pricing, each entry: oracle");
        priced.push(asset.priced(amount_of(&entry.asset, entry.amount), price.as_ref()));
        entries.push(EntryPrice {
            asset: entry.asset,
            decimals: asset.decimals,
            liquidation_bonus_bps: asset.liquidation_bonus_bps,
            price,
        });
        cu_mark!("pricing, each entry: value");
    }
    let debt_value = debt_value(debt_native, vault.quote_decimals, quote_price.high()?)?;
    let health = Health::compute(&priced, debt_value)?;
    cu_mark!("pricing: health");
    Ok(PricedPosition {
        health,
        entries,
        quote_price,
    })
}
