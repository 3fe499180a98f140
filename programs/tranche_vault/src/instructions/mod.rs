//! One instruction per file, grouped by role.
//!
//! Every writable `Account` and `InterfaceAccount` field carries `dup`, which turns off Anchor's check that no
//! account comes twice among them (a `HashSet` of their keys, about 800 CU an account). The check guards against
//! two fields writing the same account back on exit, and it could never fire here:
//! - token accounts and mints are owned by a token program, so Anchor never writes them back; each vault-side one
//!   is pinned to its address (`has_one`, `address`, seeds), and each caller-side one must not be owned by the vault
//!   (`VaultOwnedTokenAccount`), so no caller account can stand in for the vault's (`adversarial::
//!   duplicate_mutable_accounts`);
//! - no instruction has two writable program accounts of the same type, and one account cannot deserialize as two
//!   types (the discriminator), nor as an `AccountLoader`'s (the vault).
//!
//! Both rest on rules for new code: an instruction with two writable program accounts of one type drops `dup` on
//! them (Anchor's check is then what refuses the same account twice), and the vault never signs a `SetAuthority`
//! that would let a vault-made token account change owner.

pub mod borrower;
pub mod depositor;
pub mod governance;
pub mod keeper;
pub mod pricing;

pub use borrower::*;
pub use depositor::*;
pub use governance::*;
pub use keeper::*;
