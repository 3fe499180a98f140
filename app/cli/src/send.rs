//! How a command's instructions leave the CLI: signed with `--keypair` and sent over RPC, or exported as an unsigned
//! message for a multisig (`--unsigned`); and a refusal explained in one line, from the failed transaction's logs
//! (the program's error name and sentence, or the token program's).

use std::path::PathBuf;

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anyhow::{bail, Context, Result};
use base64::Engine;
use clap::Args;
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client::rpc_client::RpcClient;
use solana_rpc_client_api::client_error::{Error as ClientError, ErrorKind};
use solana_rpc_client_api::request::{RpcError, RpcResponseErrorData};
use solana_signer::Signer;
use solana_transaction::Transaction;

/// How a transaction leaves the CLI.
#[derive(Args, Clone, Debug)]
pub struct TxOpts {
    /// JSON-RPC endpoint.
    #[arg(long, default_value = "http://127.0.0.1:8899", global = true)]
    pub url: String,
    /// Sign with this keypair file (fee payer and the signer the instruction needs) and send over RPC.
    #[arg(long, global = true)]
    pub keypair: Option<PathBuf>,
    /// Print the unsigned transaction message (base58 and base64) for a multisig to import; sign nothing.
    #[arg(long, global = true, conflicts_with = "keypair")]
    pub unsigned: bool,
    /// With --unsigned: the signer the instruction needs (e.g. the Squads vault PDA that is the authority).
    #[arg(long, global = true)]
    pub signer: Option<Pubkey>,
    /// With --unsigned: the fee payer (a multisig member); the signer by default.
    #[arg(long, global = true)]
    pub fee_payer: Option<Pubkey>,
    /// With --unsigned: the recent blockhash to put in the message (fetched from --url otherwise).
    #[arg(long, global = true)]
    pub blockhash: Option<String>,
}

impl TxOpts {
    /// An RPC client of `--url` at confirmed commitment.
    pub fn rpc(&self) -> RpcClient {
        RpcClient::new_with_commitment(self.url.clone(), CommitmentConfig::confirmed())
    }

    /// The key that signs: `--keypair`'s, or `--signer` with `--unsigned`.
    pub fn signer_key(&self) -> Result<Pubkey> {
        if self.unsigned {
            return self.signer.context(
                "--unsigned needs --signer (the key that signs, e.g. the multisig vault PDA)",
            );
        }
        match &self.keypair {
            Some(path) => Ok(crate::read_keypair(path)?.pubkey()),
            None => bail!(
                "pass --keypair <file> to sign and send, or --unsigned --signer <key> to export the message"
            ),
        }
    }

    /// Sends `ixs`, built for (signer, fee payer), signed by `--keypair`; with `--unsigned`, prints the message for
    /// `--signer` (fee payer `--fee-payer`, or the signer) instead. Returns the signature when sent.
    pub fn submit(
        &self,
        rpc: &RpcClient,
        build: impl FnOnce(Pubkey, Pubkey) -> Result<Vec<Instruction>>,
    ) -> Result<Option<String>> {
        if self.unsigned {
            let signer = self.signer_key()?;
            let payer = self.fee_payer.unwrap_or(signer);
            let ixs = build(signer, payer)?;
            let blockhash = match &self.blockhash {
                Some(b) => b.clone(),
                None => rpc
                    .get_latest_blockhash()
                    .context("fetching a recent blockhash")?
                    .to_string(),
            };
            let (b58, b64) = export_message(&ixs, payer, &blockhash)?;
            println!("message (base58): {b58}\nmessage (base64): {b64}");
            return Ok(None);
        }
        let Some(path) = &self.keypair else {
            bail!(
                "pass --keypair <file> to sign and send, or --unsigned --signer <key> to export the message"
            );
        };
        let kp = crate::read_keypair(path)?;
        let ixs = build(kp.pubkey(), kp.pubkey())?;
        let blockhash = rpc
            .get_latest_blockhash()
            .context("fetching a recent blockhash")?;
        let tx = Transaction::new_signed_with_payer(&ixs, Some(&kp.pubkey()), &[&kp], blockhash);
        let sig = rpc
            .send_and_confirm_transaction(&tx)
            .map_err(|e| anyhow::anyhow!("{}", explain(&e)))?;
        println!("sent: {sig}");
        Ok(Some(sig.to_string()))
    }
}

/// An unsigned transaction's message, as a multisig imports it: (base58, base64) of its bincode encoding.
pub fn export_message(
    ixs: &[Instruction],
    fee_payer: Pubkey,
    blockhash: &str,
) -> Result<(String, String)> {
    let mut tx = Transaction::new_with_payer(ixs, Some(&fee_payer));
    tx.message.recent_blockhash = blockhash
        .parse()
        .map_err(|e| anyhow::anyhow!("blockhash {blockhash}: {e:?}"))?;
    let bytes = bincode::serialize(&tx.message)?;
    Ok((
        bs58::encode(&bytes).into_string(),
        base64::engine::general_purpose::STANDARD.encode(&bytes),
    ))
}

/// One line for a failed send: the program's refusal as Anchor logs it ("DepositCapExceeded: Deposit would take
/// the tranche's NAV above its deposit cap (error 6027)"), else the failing program's own log line and its error,
/// else the RPC's error.
pub fn explain(e: &ClientError) -> String {
    let logs = match e.kind() {
        ErrorKind::RpcError(RpcError::RpcResponseError {
            data: RpcResponseErrorData::SendTransactionPreflightFailure(sim),
            ..
        }) => sim.logs.clone().unwrap_or_default(),
        _ => vec![],
    };
    explain_logs(&logs).unwrap_or_else(|| match e.get_transaction_error() {
        Some(te) => format!("the transaction failed: {te}"),
        None => format!("the RPC refused the transaction: {e}"),
    })
}

/// The refusal in a failed transaction's `logs`, when they say it: see [`explain`].
pub fn explain_logs(logs: &[String]) -> Option<String> {
    // "Program log: AnchorError [caused by account: vault. ]occurred|thrown... Error Code: X. Error Number: N.
    // Error Message: M."
    for line in logs {
        let Some(at) = line.find("Error Code: ") else {
            continue;
        };
        let rest = &line[at + "Error Code: ".len()..];
        let (name, rest) = rest.split_once(". Error Number: ")?;
        let (number, rest) = rest.split_once(". Error Message: ")?;
        let message = rest.trim_end_matches('.');
        let account = line
            .split_once("caused by account: ")
            .and_then(|(_, r)| r.split_once(". "))
            .map(|(a, _)| format!(" (account {a})"))
            .unwrap_or_default();
        return Some(format!("{name}: {message} (error {number}){account}"));
    }
    // Another program's failure: its last "Program log: Error: ..." and the "Program X failed: ..." line.
    let failed = logs.iter().rev().find(|l| l.contains(" failed: "))?;
    let said = logs
        .iter()
        .rev()
        .find(|l| l.starts_with("Program log: Error: "))
        .map(|l| format!("{}; ", l.trim_start_matches("Program log: Error: ")));
    Some(format!("{}{failed}", said.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::explain_logs;

    #[test]
    fn anchor_refusals_read_as_their_name_and_sentence() {
        let logs = vec![
            "Program 2NxJ invoke [1]".to_string(),
            "Program log: AnchorError occurred. Error Code: DepositCapExceeded. Error Number: 6005. Error Message: A deposit would take the tranche's NAV over its deposit cap.".to_string(),
            "Program 2NxJ failed: custom program error: 0x1775".to_string(),
        ];
        assert_eq!(
            explain_logs(&logs).as_deref(),
            Some("DepositCapExceeded: A deposit would take the tranche's NAV over its deposit cap (error 6005)")
        );
        let logs = vec![
            "Program log: AnchorError caused by account: vault. Error Code: ConstraintSeeds. Error Number: 2006. Error Message: A seeds constraint was violated.".to_string(),
        ];
        assert_eq!(
            explain_logs(&logs).as_deref(),
            Some("ConstraintSeeds: A seeds constraint was violated (error 2006) (account vault)")
        );
    }

    #[test]
    fn other_programs_failures_read_as_their_log() {
        let logs = vec![
            "Program Tokenkeg invoke [2]".to_string(),
            "Program log: Error: insufficient funds".to_string(),
            "Program Tokenkeg failed: custom program error: 0x1".to_string(),
            "Program 2NxJ failed: custom program error: 0x1".to_string(),
        ];
        assert_eq!(
            explain_logs(&logs).as_deref(),
            Some("insufficient funds; Program 2NxJ failed: custom program error: 0x1")
        );
        assert_eq!(explain_logs(&["Program 2NxJ success".to_string()]), None);
    }
}
