//! Pyth pull-oracle `PriceUpdateV2` accounts, as the Receiver program writes them (Anchor account, borsh):
//!
//! ```text
//! 8   discriminator  22 f1 23 63 9d 7e f4 cd
//! 32  write_authority
//! 1+  verification_level: 0 = Partial { num_signatures: u8 } (2 bytes), 1 = Full (1 byte)
//! 84  price_message: feed_id [32], price i64, conf u64, exponent i32, publish_time i64,
//!     prev_publish_time i64, ema_price i64, ema_conf u64
//! 8   posted_slot
//! ```
//! The account is 134 bytes; a Full update leaves one trailing byte.

use crate::prelude::*;

use super::RawPrice;
use crate::errors::VaultError;

pub const DISCRIMINATOR: [u8; 8] = [0x22, 0xf1, 0x23, 0x63, 0x9d, 0x7e, 0xf4, 0xcd];
/// Size of a `PriceUpdateV2` account.
pub const ACCOUNT_LEN: usize = 134;

/// Little-endian reader over a byte slice; every read is bounds checked.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N]> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(VaultError::OracleWrongAccountSize)?;
        self.0 = rest;
        Ok(*head)
    }
    fn i64(&mut self) -> Result<i64> {
        Ok(i64::from_le_bytes(self.take()?))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take()?))
    }
    fn i32(&mut self) -> Result<i32> {
        Ok(i32::from_le_bytes(self.take()?))
    }
}

/// Whether the update carries a Full verification, and the number of signatures of a Partial one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verification {
    Partial(u8),
    Full,
}

/// Decoded fields of an update.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceUpdate {
    pub write_authority: [u8; 32],
    pub verification: Verification,
    pub feed_id: [u8; 32],
    pub raw: RawPrice,
    pub prev_publish_time: i64,
    pub posted_slot: u64,
}

/// Parses the layout (size, discriminator, verification tag); no policy checks.
pub fn parse(data: &[u8]) -> Result<PriceUpdate> {
    require!(
        data.len() == ACCOUNT_LEN,
        VaultError::OracleWrongAccountSize
    );
    let mut r = Reader(data);
    require!(
        r.take::<8>()? == DISCRIMINATOR,
        VaultError::OracleInvalidAccountData
    );
    let write_authority = r.take::<32>()?;
    let verification = match r.take::<1>()?[0] {
        0 => Verification::Partial(r.take::<1>()?[0]),
        1 => Verification::Full,
        _ => return err!(VaultError::OracleInvalidAccountData),
    };
    let feed_id = r.take::<32>()?;
    let price = r.i64()?;
    let conf = r.u64()?;
    let expo = r.i32()?;
    let publish_time = r.i64()?;
    let prev_publish_time = r.i64()?;
    let ema_price = r.i64()?;
    let ema_conf = r.u64()?;
    let posted_slot = r.u64()?;
    Ok(PriceUpdate {
        write_authority,
        verification,
        feed_id,
        raw: RawPrice {
            price,
            conf,
            expo,
            ema_price,
            ema_conf,
            publish_time,
        },
        prev_publish_time,
        posted_slot,
    })
}

/// Parses an update and checks the pinned feed id and Full verification.
pub fn decode(data: &[u8], feed_id: &[u8; 32]) -> Result<RawPrice> {
    let u = parse(data)?;
    require!(u.feed_id == *feed_id, VaultError::OracleFeedIdMismatch);
    require!(
        u.verification == Verification::Full,
        VaultError::OracleNotFullyVerified
    );
    Ok(u.raw)
}

/// Serializes an update (for tests and the CLI's embedded demo, which write oracle accounts).
pub fn encode(u: &PriceUpdate) -> Vec<u8> {
    let mut v = Vec::with_capacity(ACCOUNT_LEN);
    v.extend_from_slice(&DISCRIMINATOR);
    v.extend_from_slice(&u.write_authority);
    match u.verification {
        Verification::Partial(n) => v.extend_from_slice(&[0, n]),
        Verification::Full => v.push(1),
    }
    v.extend_from_slice(&u.feed_id);
    v.extend_from_slice(&u.raw.price.to_le_bytes());
    v.extend_from_slice(&u.raw.conf.to_le_bytes());
    v.extend_from_slice(&u.raw.expo.to_le_bytes());
    v.extend_from_slice(&u.raw.publish_time.to_le_bytes());
    v.extend_from_slice(&u.prev_publish_time.to_le_bytes());
    v.extend_from_slice(&u.raw.ema_price.to_le_bytes());
    v.extend_from_slice(&u.raw.ema_conf.to_le_bytes());
    v.extend_from_slice(&u.posted_slot.to_le_bytes());
    v.resize(ACCOUNT_LEN, 0);
    v
}
