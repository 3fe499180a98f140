//! The program's SBF build in LiteSVM: transactions, the clock, token accounts, Pyth price accounts.
//!
//! Signatures are not verified and the transaction history is off: the fuzzer builds messages whose signer flags
//! are set (the program sees its signers exactly as on a cluster) without spending an ed25519 signature on each.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::clock::Clock;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_lang::solana_program::system_instruction;
use anchor_lang::{AccountDeserialize, AnchorDeserialize, Discriminator, Event};
use anchor_spl::token::spl_token;
use anchor_spl::token_2022::spl_token_2022;
use litesvm::LiteSVM;
use solana_account::Account;
use solana_instruction_error::InstructionError;
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;

/// Why a transaction failed, as the fuzzer classifies it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A named error: a custom error code, with the program that returned it (from the logs).
    Named { program: Pubkey, code: u32 },
    /// Anything else: a panic, an arithmetic fault, an exhausted budget, an access violation, a runtime refusal.
    Fault(String),
}

/// One transaction's outcome.
pub struct Outcome {
    pub result: Result<(), Failure>,
    pub logs: Vec<String>,
    pub cu: u64,
}

impl Outcome {
    /// Every Anchor event of type `E` the transaction emitted (none if one does not decode: the checks that
    /// need an event then report it missing).
    pub fn events<E: Event + AnchorDeserialize + Discriminator>(&self) -> Vec<E> {
        embedded_chain::events_in(&self.logs).unwrap_or_default()
    }

    pub fn ok(&self) -> bool {
        self.result.is_ok()
    }
}

pub struct Chain {
    pub svm: LiteSVM,
    pub payer: Pubkey,
    /// Transactions sent, and their compute units, for the report.
    pub transactions: u64,
}

impl Chain {
    /// A fresh SVM with the SPL programs and `program` (the tranche_vault `.so`) at `tranche_vault::ID`, a payer
    /// with plenty of SOL, and the clock at `start`.
    pub fn new(program: &[u8], start: i64) -> anyhow::Result<Self> {
        let mut svm = LiteSVM::new()
            .with_sigverify(false)
            .with_transaction_history(0)
            .with_log_bytes_limit(Some(100_000));
        svm.add_program(tranche_vault::ID, program)
            .map_err(|e| anyhow::anyhow!("loading the program: {e:?}"))?;
        let payer = Pubkey::new_from_array([0xFA; 32]);
        let funded = Account {
            lamports: 1_000_000_000_000_000,
            data: vec![],
            owner: anchor_lang::system_program::ID,
            executable: false,
            rent_epoch: 0,
        };
        svm.set_account(payer, funded)
            .map_err(|e| anyhow::anyhow!("funding the payer: {e:?}"))?;
        let mut chain = Chain {
            svm,
            payer,
            transactions: 0,
        };
        chain.set_time(start);
        Ok(chain)
    }

    pub fn now(&self) -> i64 {
        self.svm.get_sysvar::<Clock>().unix_timestamp
    }

    /// Sets the clock to `ts` (and moves the slot on, as time passing does).
    pub fn set_time(&mut self, ts: i64) {
        let mut c = self.svm.get_sysvar::<Clock>();
        c.unix_timestamp = ts;
        c.slot += 1;
        self.svm.set_sysvar(&c);
    }

    /// Sends `ixs` paid by the payer, with `signers` marked as signers (signatures are not verified).
    pub fn send(&mut self, ixs: &[Instruction]) -> Outcome {
        let mut tx = Transaction::new_with_payer(ixs, Some(&self.payer));
        tx.message.recent_blockhash = self.svm.latest_blockhash();
        tx.signatures =
            vec![Default::default(); usize::from(tx.message.header.num_required_signatures)];
        self.transactions += 1;
        match self.svm.send_transaction(tx) {
            Ok(meta) => Outcome {
                result: Ok(()),
                logs: meta.logs,
                cu: meta.compute_units_consumed,
            },
            Err(failed) => Outcome {
                result: Err(classify(&failed.err, &failed.meta.logs)),
                logs: failed.meta.logs,
                cu: failed.meta.compute_units_consumed,
            },
        }
    }

    /// Sends set-up instructions that must succeed.
    pub fn must(&mut self, ixs: &[Instruction], what: &str) -> anyhow::Result<Outcome> {
        let out = self.send(ixs);
        if let Err(e) = &out.result {
            anyhow::bail!("{what} failed: {e:?}\n{}", out.logs.join("\n"));
        }
        Ok(out)
    }

    pub fn account(&self, key: &Pubkey) -> Option<Account> {
        self.svm.get_account(key)
    }

    pub fn anchor<T: AccountDeserialize>(&self, key: &Pubkey) -> Option<T> {
        let acc = self.account(key)?;
        T::try_deserialize(&mut acc.data.as_slice()).ok()
    }

    /// The token balance of an SPL Token or Token-2022 account (0 when it does not exist).
    pub fn balance(&self, key: &Pubkey) -> u64 {
        self.account(key)
            .and_then(|a| {
                a.data
                    .get(64..72)
                    .map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
            })
            .unwrap_or(0)
    }

    /// A mint's supply (SPL Token or Token-2022: the same base layout).
    pub fn supply(&self, mint: &Pubkey) -> u64 {
        self.account(mint)
            .and_then(|a| {
                a.data
                    .get(36..44)
                    .map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
            })
            .unwrap_or(0)
    }

    /// A new SPL Token mint at `mint`, the payer its mint authority.
    pub fn create_mint(&mut self, mint: Pubkey, decimals: u8) -> anyhow::Result<()> {
        let len = spl_token::state::Mint::LEN;
        let ixs = [
            system_instruction::create_account(
                &self.payer,
                &mint,
                self.svm.minimum_balance_for_rent_exemption(len),
                len as u64,
                &spl_token::ID,
            ),
            spl_token::instruction::initialize_mint2(
                &spl_token::ID,
                &mint,
                &self.payer,
                None,
                decimals,
            )?,
        ];
        self.must(&ixs, "creating a mint")?;
        Ok(())
    }

    /// A token account of `mint` for `owner` at `at`, under `token_program`.
    pub fn create_token_account(
        &mut self,
        at: Pubkey,
        mint: Pubkey,
        owner: Pubkey,
        token_program: Pubkey,
    ) -> anyhow::Result<Pubkey> {
        let len = spl_token::state::Account::LEN;
        let ixs = [
            system_instruction::create_account(
                &self.payer,
                &at,
                self.svm.minimum_balance_for_rent_exemption(len),
                len as u64,
                &token_program,
            ),
            // Token-2022's builder also builds SPL Token's (the same layout, either program id).
            spl_token_2022::instruction::initialize_account3(&token_program, &at, &mint, &owner)?,
        ];
        self.must(&ixs, "creating a token account")?;
        Ok(at)
    }

    /// Mints `amount` of `mint` (the payer is its authority) to `to`: the test's faucet.
    pub fn mint_to(&mut self, mint: Pubkey, to: Pubkey, amount: u64) -> anyhow::Result<()> {
        let ix =
            spl_token::instruction::mint_to(&spl_token::ID, &mint, &to, &self.payer, &[], amount)?;
        self.must(&[ix], "minting")?;
        Ok(())
    }

    /// A system account holding `lamports`.
    pub fn fund(&mut self, key: Pubkey, lamports: u64) {
        let account = Account {
            lamports,
            data: vec![],
            owner: anchor_lang::system_program::ID,
            executable: false,
            rent_epoch: 0,
        };
        let _ = self.svm.set_account(key, account);
    }

    /// Writes an account as it is (price accounts, which their owner programs would write).
    pub fn put(&mut self, key: Pubkey, owner: Pubkey, data: Vec<u8>) {
        let account = Account {
            lamports: self.svm.minimum_balance_for_rent_exemption(data.len()),
            data,
            owner,
            executable: false,
            rent_epoch: 0,
        };
        // LiteSVM refuses only executable accounts it cannot load; a data account always goes in.
        let _ = self.svm.set_account(key, account);
    }
}

/// A custom error code is named: it says which program refused and why. Every other failure is a fault.
fn classify(err: &TransactionError, logs: &[String]) -> Failure {
    match err {
        TransactionError::InstructionError(_, InstructionError::Custom(code)) => {
            // The innermost program that failed (the first such line): `Program <id> failed: custom program error`.
            let program = logs
                .iter()
                .find_map(|l| {
                    let rest = l.strip_prefix("Program ")?;
                    let (id, tail) = rest.split_once(' ')?;
                    tail.starts_with("failed: custom program error")
                        .then(|| id.parse().ok())?
                })
                .unwrap_or_default();
            Failure::Named {
                program,
                code: *code,
            }
        }
        other => Failure::Fault(format!("{other:?}")),
    }
}
