//! Test-only SBF program standing in for a multisig such as a Squads vault: its PDA `["multisig"]` (no key exists
//! for it) signs, by `invoke_signed`, whatever instruction it is asked to forward. The embedded chain, the demo and
//! the validator tests put a vault's authority there and govern through it, as a multisig would execute an exported
//! message once its members approved. It checks no members: it stands in for their approval, never in production.
//!
//! Instruction: `accounts[0]` is the target program, the rest are the forwarded instruction's accounts (the PDA among
//! them signs); `data` is the forwarded instruction's data. [`forward`] builds it.

use solana_account_info::AccountInfo;
use solana_instruction::{AccountMeta, Instruction};
use solana_program_error::{ProgramError, ProgramResult};
use solana_pubkey::Pubkey;

/// Where the tests preload it (`[8; 32]`, `Ya3V…` in base58).
pub const ID: Pubkey = Pubkey::new_from_array([8; 32]);

/// The seed of its signing PDA.
pub const SEED: &[u8] = b"multisig";

/// The PDA that signs what it forwards: the authority a vault is handed to.
pub fn authority() -> Pubkey {
    Pubkey::find_program_address(&[SEED], &ID).0
}

/// `ix` forwarded through the stand-in multisig, so that its PDA signs it. The PDA's own meta loses its signer
/// flag (the transaction cannot carry that signature; the program adds it by `invoke_signed`).
pub fn forward(ix: Instruction) -> Instruction {
    let pda = authority();
    let mut accounts = vec![AccountMeta::new_readonly(ix.program_id, false)];
    accounts.extend(ix.accounts.into_iter().map(|mut m| {
        if m.pubkey == pda {
            m.is_signer = false;
        }
        m
    }));
    Instruction {
        program_id: ID,
        accounts,
        data: ix.data,
    }
}

#[cfg(not(feature = "no-entrypoint"))]
solana_program_entrypoint::entrypoint!(process);

// The registry-only SBF route's memcpy/memset (through syscalls) and soft-float builtins.
#[cfg(all(target_arch = "bpf", target_os = "solana"))]
use solana_compiler_builtins as _;

/// Forwards `data` to `accounts[0]` with `accounts[1..]`, the PDA signing.
pub fn process(program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
    let (pda, bump) = Pubkey::find_program_address(&[SEED], program_id);
    let (target, rest) = accounts
        .split_first()
        .ok_or(ProgramError::NotEnoughAccountKeys)?;
    let ix = Instruction {
        program_id: *target.key,
        accounts: rest
            .iter()
            .map(|a| AccountMeta {
                pubkey: *a.key,
                is_signer: a.is_signer || *a.key == pda,
                is_writable: a.is_writable,
            })
            .collect(),
        data: data.to_vec(),
    };
    solana_cpi::invoke_signed(&ix, accounts, &[&[SEED, &[bump]]])
}
