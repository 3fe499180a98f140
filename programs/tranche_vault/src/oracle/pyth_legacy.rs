//! Legacy Pyth v2 price accounts, read with `pyth-sdk-solana`. Mainnet stopped updating them in 2024; they stay
//! supported for localnets and forks, and a frozen or non-Trading one is refused.

use crate::prelude::*;
use pyth_sdk_solana::state::{load_price_account, PriceStatus, SolanaPriceAccount};

use super::RawPrice;
use crate::errors::VaultError;

/// Size of a Solana (not Pythnet) v2 price account: 32 price components.
pub const ACCOUNT_LEN: usize = core::mem::size_of::<SolanaPriceAccount>();

/// Checks the account length, magic, version and account type, and that the aggregate is Trading.
pub fn decode(data: &[u8]) -> Result<RawPrice> {
    require!(
        data.len() == ACCOUNT_LEN,
        VaultError::OracleWrongAccountSize
    );
    // The SDK casts in place, which needs 8-byte alignment: account data is aligned on chain; copy otherwise.
    let mut aligned;
    let bytes = if data.as_ptr().align_offset(8) == 0 {
        data
    } else {
        aligned = vec![0u64; ACCOUNT_LEN / 8];
        let dst: &mut [u8] = bytemuck::cast_slice_mut(&mut aligned);
        dst.copy_from_slice(data);
        &*dst
    };
    let acc = load_price_account::<32, ()>(bytes)
        .map_err(|_| error!(VaultError::OracleInvalidAccountData))?;
    require!(
        acc.agg.status == PriceStatus::Trading,
        VaultError::OracleNotTrading
    );
    Ok(RawPrice {
        price: acc.agg.price,
        conf: acc.agg.conf,
        expo: acc.expo,
        ema_price: acc.ema_price.val,
        ema_conf: u64::try_from(acc.ema_conf.val).unwrap_or(0),
        publish_time: acc.timestamp,
    })
}
