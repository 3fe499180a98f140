//! Oracle prices behind one result type, [`OraclePrice`], so that the rest of the program never sees which
//! kind of Pyth account a price came from.
//!
//! Checks, for both kinds (each with its own error):
//! - the account is the pinned one (`OracleWrongAccount`): anyone can post a valid, older update of any feed into
//!   an account of their own, so a reader that took any account would let the caller choose the price within
//!   max age. By default the pinned pull account is Pyth's sponsored feed account of the feed
//!   ([`pyth_push_feed_account`]), which the push oracle only ever moves forward;
//! - the account's owner is the configured program (`OracleWrongOwner`), one of the known Pyth programs
//!   ([`ALLOWED_ORACLE_PROGRAMS`], `OracleProgramNotAllowed` when a setting names another);
//! - pull updates: the pinned feed id (`OracleFeedIdMismatch`);
//! - the layout: discriminator or magic/version/type, and size (`OracleInvalidAccountData`,
//!   `OracleWrongAccountSize`);
//! - pull updates: verification level Full (`OracleNotFullyVerified`); legacy: status Trading
//!   (`OracleNotTrading`);
//! - age: `now − publish_time ≤ max_age_secs` (`OracleStale`);
//! - price > 0 (`OracleNonPositivePrice`);
//! - confidence: `conf / price ≤ max_conf_bps` (`OracleConfidenceTooWide`);
//! - an exponent in −18..=12 (`OracleExponentOutOfRange`).
//!
//! Prices are normalized to [`Sf`] per whole token: the price is rounded down and the confidence up.

pub mod pyth_legacy;
pub mod pyth_pull;

use crate::prelude::*;

use crate::constants::BPS;
use crate::errors::VaultError;
use crate::math::fixed::{add, from_native, native_div, Sf};

/// The Pyth Receiver program that writes `PriceUpdateV2` accounts (and owns sponsored price-feed accounts).
pub const PYTH_RECEIVER_ID: Pubkey = pubkey!("rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ");
/// The mainnet program that owns legacy Pyth v2 price accounts.
pub const PYTH_LEGACY_PROGRAM_ID: Pubkey = pubkey!("FsJ3A3u2vn5cTVofAjvy6y5kwABJAqYWpe4975bi2epH");
/// The devnet program that owns legacy Pyth v2 price accounts.
pub const PYTH_LEGACY_DEVNET_PROGRAM_ID: Pubkey =
    pubkey!("gSbePebfvPy7tRqimPoVecS2UsBvYv46ynrzWocc92s");
/// The Pyth push-oracle program, whose PDAs `[shard u16 LE, feed id]` are the sponsored price-feed accounts (owned
/// by the Receiver, written through it, and only ever moved to a newer publish time).
pub const PYTH_PUSH_ORACLE_ID: Pubkey = pubkey!("pythWSnswVUd12oZpeFP8e9CVaEqJg25g1Vtc2biRsT");

/// How old a price `liquidate` still uses for an entry it does not seize (a day); older, the entry counts as 0.
pub const UNSEIZED_ENTRY_MAX_AGE_SECS: u32 = 86_400;

/// The programs an oracle setting may name as the price account's owner: the Pyth Receiver (which owns both
/// posted updates and the push oracle's sponsored feed accounts) and the legacy oracle programs of mainnet and
/// devnet. Settings change only through the timelock (`propose_config`).
pub const ALLOWED_ORACLE_PROGRAMS: [Pubkey; 3] = [
    PYTH_RECEIVER_ID,
    PYTH_LEGACY_PROGRAM_ID,
    PYTH_LEGACY_DEVNET_PROGRAM_ID,
];

/// Pyth's sponsored `PriceUpdateV2` account of `feed` in `shard`: PDA `[shard u16 LE, feed id]` of the push
/// oracle. The default pinned account of a pull setting.
#[cfg(not(target_os = "solana"))]
pub fn pyth_push_feed_account(feed: &[u8; 32], shard: u16) -> Pubkey {
    Pubkey::find_program_address(&[&shard.to_le_bytes(), feed], &PYTH_PUSH_ORACLE_ID).0
}

/// Which reader an asset's oracle uses.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OracleKind {
    /// A Pyth pull-oracle `PriceUpdateV2` account, of the pinned feed id.
    PythPull,
    /// A legacy Pyth v2 price account (read with `pyth-sdk-solana`).
    PythLegacy,
}

impl OracleKind {
    pub fn from_u8(v: u8) -> Result<Self> {
        match v {
            0 => Ok(OracleKind::PythPull),
            1 => Ok(OracleKind::PythLegacy),
            _ => err!(VaultError::OracleKindUnknown),
        }
    }

    pub fn to_u8(self) -> u8 {
        match self {
            OracleKind::PythPull => 0,
            OracleKind::PythLegacy => 1,
        }
    }
}

/// An oracle as accounts store it and instructions take it: `kind` is 0 for a Pyth pull `PriceUpdateV2` and 1
/// for a legacy Pyth v2 account. Both pin the price account's address; a pull setting also pins the feed id.
#[derive(
    AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq, InitSpace,
)]
#[repr(C)]
pub struct OracleSetting {
    /// The program that must own the price account, one of [`ALLOWED_ORACLE_PROGRAMS`]: the Pyth Receiver, or a
    /// legacy oracle program.
    pub program: Pubkey,
    /// Pull: the feed id every update must carry. Legacy: unused (zero).
    pub feed_id: [u8; 32],
    /// The only account the price is read from. Pull: by default Pyth's sponsored feed account of the feed
    /// ([`pyth_push_feed_account`], shard 0).
    pub account: Pubkey,
    /// Oldest accepted publish time, seconds (1..=MAX_ORACLE_AGE_SECS).
    pub max_age_secs: u32,
    /// Widest accepted confidence, bps of the price (1..=MAX_ORACLE_CONF_BPS).
    pub max_conf_bps: u16,
    pub kind: u8,
    pub _pad: u8,
}

// SAFETY: `repr(C)`, 32 + 32 + 32 + 4 + 2 + 1 + 1 bytes with no padding (alignment 4): every bit pattern is a valid
// value. Stored in place in the zero-copy vault.
unsafe impl bytemuck::Zeroable for OracleSetting {}
// SAFETY: as above.
unsafe impl bytemuck::Pod for OracleSetting {}

impl OracleSetting {
    /// Bounds: a known kind, an allowed owner program for that kind (the Receiver for pull updates, a legacy
    /// program for legacy accounts), a pinned account, age and confidence within their ceilings.
    pub fn validate(&self) -> Result<()> {
        // The Receiver writes pull updates; the legacy programs, legacy accounts.
        let allowed = match OracleKind::from_u8(self.kind)? {
            OracleKind::PythPull => self.program == PYTH_RECEIVER_ID,
            OracleKind::PythLegacy => ALLOWED_ORACLE_PROGRAMS[1..].contains(&self.program),
        };
        require!(allowed, VaultError::OracleProgramNotAllowed);
        require!(
            self.account != Pubkey::default(),
            VaultError::OracleAccountNotPinned
        );
        require!(
            (1..=crate::constants::MAX_ORACLE_AGE_SECS).contains(&self.max_age_secs),
            VaultError::InvalidOracleMaxAge
        );
        require!(
            (1..=crate::constants::MAX_ORACLE_CONF_BPS).contains(&self.max_conf_bps),
            VaultError::InvalidOracleMaxConf
        );
        Ok(())
    }

    pub fn config(&self) -> Result<OracleConfig> {
        Ok(OracleConfig {
            kind: OracleKind::from_u8(self.kind)?,
            program: self.program,
            feed_id: self.feed_id,
            account: self.account,
            max_age_secs: self.max_age_secs,
            max_conf_bps: self.max_conf_bps,
        })
    }

    /// Reads and checks the price in `account` against `now`.
    pub fn read(&self, account: &AccountInfo, now: i64) -> Result<OraclePrice> {
        let data = account.try_borrow_data()?;
        read_price(&self.config()?, account.key, account.owner, &data, now)
    }

    /// As [`OracleSetting::read`] where a failing price may count as none (see [`read_price_or_none`]).
    pub fn read_or_none(&self, account: &AccountInfo, now: i64) -> Result<Option<OraclePrice>> {
        let data = account.try_borrow_data()?;
        read_price_or_none(&self.config()?, account.key, account.owner, &data, now)
    }
}

/// How to read and check one asset's price.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OracleConfig {
    pub kind: OracleKind,
    /// The program that must own the price account (a Receiver deployment, or the legacy oracle program).
    pub program: Pubkey,
    /// Pull: the 32-byte feed id. Legacy: unused.
    pub feed_id: [u8; 32],
    /// The pinned price account.
    pub account: Pubkey,
    /// Oldest accepted publish time, seconds before the current clock.
    pub max_age_secs: u32,
    /// Widest accepted confidence, in bps of the price.
    pub max_conf_bps: u16,
}

/// A price as the account holds it (before normalization).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawPrice {
    pub price: i64,
    pub conf: u64,
    pub expo: i32,
    pub ema_price: i64,
    pub ema_conf: u64,
    pub publish_time: i64,
}

/// A checked price, normalized to quote-agnostic units per whole token (fixed point).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OraclePrice {
    /// Spot price, rounded down.
    pub price: Sf,
    /// Confidence interval, rounded up.
    pub conf: Sf,
    /// EMA price, rounded down (0 if the account has a non-positive EMA).
    pub ema_price: Sf,
    /// Unix seconds.
    pub publish_time: i64,
}

impl OraclePrice {
    /// The conservative price for collateral: the lower of (spot − conf) and the EMA.
    pub fn low(&self) -> Sf {
        let spot_low = self.price.saturating_sub(self.conf);
        if self.ema_price > Sf::ZERO {
            spot_low.min(self.ema_price)
        } else {
            spot_low
        }
    }

    /// The conservative price for debt: the higher of (spot + conf) and the EMA.
    pub fn high(&self) -> Result<Sf> {
        Ok(add(self.price, self.conf)?.max(self.ema_price))
    }
}

/// Reads `account` (owned by `owner`, with `data`) as the price `cfg` describes, checked against `now`.
pub fn read_price(
    cfg: &OracleConfig,
    account: &Pubkey,
    owner: &Pubkey,
    data: &[u8],
    now: i64,
) -> Result<OraclePrice> {
    // The fuzzer's negative control (never in a release build): any account of the right owner and feed prices.
    #[cfg(not(feature = "control-unpinned-oracle"))]
    require_keys_eq!(*account, cfg.account, VaultError::OracleWrongAccount);
    #[cfg(feature = "control-unpinned-oracle")]
    let _ = account;
    read_pinned(cfg, owner, data, now)
}

/// How `liquidate` reads an entry it does not seize: the pinned account (`OracleWrongAccount` otherwise), every
/// check of what it is (owner, layout, feed id, Full or Trading, price > 0), but up to
/// [`UNSEIZED_ENTRY_MAX_AGE_SECS`] of age and any confidence (the entry is still valued at the lower of spot − conf
/// and the EMA). Beyond that the price is `None`, and the entry counts as 0: a dust entry on a broken feed cannot
/// shield a position from liquidation, while a liquidator who waits for a feed to lag past its usual max age, or
/// for a wide interval, gains nothing by it. The caller cannot choose the account, so it cannot make a working
/// price fail.
pub fn read_price_or_none(
    cfg: &OracleConfig,
    account: &Pubkey,
    owner: &Pubkey,
    data: &[u8],
    now: i64,
) -> Result<Option<OraclePrice>> {
    require_keys_eq!(*account, cfg.account, VaultError::OracleWrongAccount);
    let lenient = OracleConfig {
        max_age_secs: UNSEIZED_ENTRY_MAX_AGE_SECS.max(cfg.max_age_secs),
        max_conf_bps: BPS as u16,
        ..*cfg
    };
    Ok(read_pinned(&lenient, owner, data, now).ok())
}

/// Every check but the address: owner, layout, feed id, verification or status, age, sign, confidence.
fn read_pinned(cfg: &OracleConfig, owner: &Pubkey, data: &[u8], now: i64) -> Result<OraclePrice> {
    require_keys_eq!(*owner, cfg.program, VaultError::OracleWrongOwner);
    let raw = match cfg.kind {
        OracleKind::PythPull => pyth_pull::decode(data, &cfg.feed_id)?,
        OracleKind::PythLegacy => pyth_legacy::decode(data)?,
    };
    check_and_normalize(&raw, cfg, now)
}

/// Age, sign and confidence checks; then the exponent is applied.
pub fn check_and_normalize(raw: &RawPrice, cfg: &OracleConfig, now: i64) -> Result<OraclePrice> {
    let age = now.saturating_sub(raw.publish_time);
    require!(age <= i64::from(cfg.max_age_secs), VaultError::OracleStale);
    require!(raw.price > 0, VaultError::OracleNonPositivePrice);
    let price = raw.price.unsigned_abs();
    // conf / price ≤ max_conf_bps / BPS, compared without division.
    require!(
        u128::from(raw.conf) * u128::from(BPS) <= u128::from(price) * u128::from(cfg.max_conf_bps),
        VaultError::OracleConfidenceTooWide
    );
    let ema = u64::try_from(raw.ema_price).unwrap_or(0);
    Ok(OraclePrice {
        price: scale(price, raw.expo, false)?,
        conf: scale(raw.conf, raw.expo, true)?,
        ema_price: scale(ema, raw.expo, false)?,
        publish_time: raw.publish_time,
    })
}

/// `v · 10^expo` as fixed point, rounded down or up.
fn scale(v: u64, expo: i32, up: bool) -> Result<Sf> {
    require!(
        (-18..=12).contains(&expo),
        VaultError::OracleExponentOutOfRange
    );
    let pow = 10u64.pow(expo.unsigned_abs());
    if expo >= 0 {
        let n = v.checked_mul(pow).ok_or(VaultError::MathOverflow)?;
        return Ok(from_native(n));
    }
    native_div(v, pow, up)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> OracleConfig {
        OracleConfig {
            kind: OracleKind::PythPull,
            program: PYTH_RECEIVER_ID,
            feed_id: [0; 32],
            account: Pubkey::default(),
            max_age_secs: 60,
            max_conf_bps: 100,
        }
    }

    fn raw(price: i64, conf: u64, expo: i32, t: i64) -> RawPrice {
        RawPrice {
            price,
            conf,
            expo,
            ema_price: price,
            ema_conf: conf,
            publish_time: t,
        }
    }

    #[test]
    fn normalizes_and_checks() {
        let p =
            check_and_normalize(&raw(13_272_457_250, 13_518_041, -8, 100), &cfg(), 150).unwrap();
        assert_eq!(p.price.to_num::<f64>(), 132.7245725);
        assert!(p.conf >= Sf::from_num(0.13518041));
        assert!(p.low() < p.price && p.high().unwrap() > p.price);
        let stale = check_and_normalize(&raw(1, 0, 0, 100), &cfg(), 161);
        assert_eq!(stale.unwrap_err(), error!(VaultError::OracleStale));
        let neg = check_and_normalize(&raw(0, 0, 0, 100), &cfg(), 100);
        assert_eq!(neg.unwrap_err(), error!(VaultError::OracleNonPositivePrice));
        let wide = check_and_normalize(&raw(10_000, 101, 0, 100), &cfg(), 100);
        assert_eq!(
            wide.unwrap_err(),
            error!(VaultError::OracleConfidenceTooWide)
        );
        assert!(check_and_normalize(&raw(10_000, 100, 0, 100), &cfg(), 100).is_ok());
        let expo = check_and_normalize(&raw(1, 0, -19, 100), &cfg(), 100);
        assert_eq!(
            expo.unwrap_err(),
            error!(VaultError::OracleExponentOutOfRange)
        );
    }

    proptest::proptest! {
        #![proptest_config(crate::math::proptest_config(4096))]

        /// On whole-unit prices (exponent 0, so normalizing is exact), `low` is exactly
        /// `min(price − conf, ema)` (spot − conf alone without an EMA, 0 below nothing) and `high` exactly
        /// `max(price + conf, ema)`, in integers.
        #[test]
        fn low_and_high_are_exact(price in 1i64..(1 << 40), conf_bps in 0u64..=65_535, ema in -(1i64 << 40)..(1 << 40)) {
            let conf = price as u64 * conf_bps / BPS;
            let r = RawPrice { ema_price: ema, ..raw(price, conf, 0, 100) };
            let wide = OracleConfig { max_conf_bps: u16::MAX, ..cfg() };
            let p = check_and_normalize(&r, &wide, 100).unwrap();
            let spot_low = (price as u64).saturating_sub(conf);
            let low = if ema > 0 { spot_low.min(ema as u64) } else { spot_low };
            let high = (price as u64 + conf).max(ema.max(0) as u64);
            proptest::prop_assert_eq!(p.low(), from_native(low));
            proptest::prop_assert_eq!(p.high().unwrap(), from_native(high));
        }
    }
}
