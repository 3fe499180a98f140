//! The committed IDL as an outside client uses it: every PDA of initialize_tranche and initialize_vault, the depositor's request, cancel
//! and claim, propose_config and open_position is derived from the IDL's seeds alone (constants, account keys, primitive arguments, primitive fields of accounts
//! read from the chain) and must be the address the program checks; and the constants a client needs are listed
//! with the program's values.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use serde_json::Value;
use solana_signer::Signer;
use tranche_vault::constants::*;
use tranche_vault::state::ConfigChange;
use tranche_vault::state::Tranche::Junior;
use tranche_vault_tests::builders::vault_builder;
use tranche_vault_tests::fixture::{VaultFixture, ONE};
use tranche_vault_tests::{Mode, TestEnv};

fn idl() -> Value {
    let path =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../idl/tranche_vault.json");
    serde_json::from_str(&std::fs::read_to_string(&path).expect("idl/tranche_vault.json"))
        .expect("IDL parses")
}

fn named<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .unwrap_or_else(|| panic!("looking for {name}: expected a list, the IDL has {list}"))
        .iter()
        .find(|x| x["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not in the IDL"))
}

/// The IDL type at `path` (`proposal_id`, or `args.tranche` inside a defined struct) of instruction `ix`'s args.
fn arg_type(idl: &Value, ix: &Value, path: &str) -> Value {
    let mut parts = path.split('.');
    let first = parts.next().expect("a path");
    let mut ty = named(&ix["args"], first)["type"].clone();
    for part in parts {
        let name = ty["defined"]["name"]
            .as_str()
            .unwrap_or_else(|| panic!("{path}: {ty} has no fields"));
        ty = named(&named(&idl["types"], name)["type"]["fields"], part)["type"].clone();
    }
    ty
}

/// Byte size of an IDL primitive; `None` for anything a resolver cannot encode as a seed.
fn primitive_size(ty: &Value) -> Option<usize> {
    Some(match ty.as_str()? {
        "u8" | "i8" | "bool" => 1,
        "u16" | "i16" => 2,
        "u32" | "i32" => 4,
        "u64" | "i64" => 8,
        "u128" | "i128" => 16,
        "pubkey" => 32,
        _ => return None,
    })
}

/// Offset (after the discriminator) and size of the primitive `field` of account type `account`.
fn field_at(idl: &Value, account: &str, field: &str) -> (usize, usize) {
    let mut offset = 8;
    for f in named(&idl["types"], account)["type"]["fields"]
        .as_array()
        .expect("fields")
    {
        let size = primitive_size(&f["type"])
            .unwrap_or_else(|| panic!("{account}.{field}: a field before it is not primitive"));
        if f["name"] == field {
            return (offset, size);
        }
        offset += size;
    }
    panic!("{account} has no field {field}")
}

/// Every PDA account of `ix` (built by the Rust client) derived from the IDL's seeds: `args` gives the value of
/// each argument path the seeds use (encoded little-endian at the IDL's type, which must be primitive); account
/// fields are read from the chain. Returns (account name, derived, the address in the instruction).
async fn resolve(
    env: &mut TestEnv,
    idl: &Value,
    name: &str,
    ix: &Instruction,
    args: &[(&str, u64)],
) -> Vec<(String, Pubkey, Pubkey)> {
    let def = named(&idl["instructions"], name);
    let accounts = def["accounts"].as_array().expect("accounts");
    assert_eq!(accounts.len(), ix.accounts.len(), "{name}: account count");
    let key_of = |account: &str| {
        let i = accounts
            .iter()
            .position(|a| a["name"] == account)
            .unwrap_or_else(|| panic!("{name}: no account {account}"));
        ix.accounts[i].pubkey
    };
    let mut out = vec![];
    for (i, a) in accounts.iter().enumerate() {
        let Some(seeds) = a["pda"]["seeds"].as_array() else {
            continue;
        };
        if !a["pda"]["program"].is_null() {
            continue; // another program's PDA (none in these instructions)
        }
        let mut bytes: Vec<Vec<u8>> = vec![];
        for s in seeds {
            let path = s["path"].as_str().unwrap_or_default();
            bytes.push(match s["kind"].as_str().expect("seed kind") {
                "const" => s["value"]
                    .as_array()
                    .expect("bytes")
                    .iter()
                    .map(|b| b.as_u64().expect("byte") as u8)
                    .collect(),
                "arg" => {
                    let ty = arg_type(idl, def, path);
                    let size = primitive_size(&ty).unwrap_or_else(|| {
                        panic!("{name}.{}: seed argument {path} has type {ty}, which a client cannot encode", a["name"])
                    });
                    let value = args
                        .iter()
                        .find(|(p, _)| *p == path)
                        .unwrap_or_else(|| panic!("{name}: the test gives no value for {path}"))
                        .1;
                    value.to_le_bytes()[..size].to_vec()
                }
                "account" => match path.split_once('.') {
                    None => key_of(path).to_bytes().to_vec(),
                    Some((account, field)) => {
                        let ty = s["account"].as_str().expect("the account's type");
                        let (offset, size) = field_at(idl, ty, field);
                        let data = env.account(key_of(account)).await.expect("account").data;
                        data[offset..offset + size].to_vec()
                    }
                },
                other => panic!("{name}: seed kind {other}"),
            });
        }
        let refs: Vec<&[u8]> = bytes.iter().map(Vec::as_slice).collect();
        let derived = Pubkey::find_program_address(&refs, &tranche_vault::ID).0;
        out.push((
            a["name"].as_str().expect("name").to_string(),
            derived,
            ix.accounts[i].pubkey,
        ));
    }
    out
}

fn assert_resolved(name: &str, resolved: &[(String, Pubkey, Pubkey)], at_least: usize) {
    assert!(resolved.len() >= at_least, "{name}: {resolved:?}");
    for (account, derived, used) in resolved {
        assert_eq!(
            derived, used,
            "{name}.{account}: the IDL's seeds derive another address"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_pda_derives_from_the_idl_alone() {
    let idl = idl();
    let mut f = VaultFixture::new(Mode::Native).await;
    let v = f.vault().await;

    // initialize_vault: the vault, its liquidity, 3 mints and 3 escrows.
    let b = vault_builder(
        f.env.payer(),
        f.authority.pubkey(),
        f.addrs.quote_mint,
        f.addrs.token_program,
    );
    let ix = b.initialize_vault();
    let r = resolve(
        &mut f.env,
        &idl,
        "initialize_vault",
        &ix,
        &[("args.vault_id", v.vault_id)],
    )
    .await;
    assert_resolved("initialize_vault", &r, 8);
    assert_eq!(r[0].1, f.addrs.vault, "the fixture's vault");
    // initialize_tranche: the vault, the tranche's mint and escrow.
    let ix = b.initialize_tranche(Junior);
    let r = resolve(
        &mut f.env,
        &idl,
        "initialize_tranche",
        &ix,
        &[("args.vault_id", v.vault_id), ("args.tranche", 2)],
    )
    .await;
    assert_resolved("initialize_tranche", &r, 3);
    assert_eq!(
        r[1].1, f.addrs.tranche_mints[2],
        "the fixture's junior mint"
    );

    // The depositor's requests: created, then claimed through the record of the generation it ended in.
    let lp = f.user(1_000_000 * ONE).await;
    f.deposit(&lp, Junior, 100_000 * ONE).await.expect_ok();
    let t = [("args.tranche", 2)];
    let ix = f
        .addrs
        .request_redeem(lp.key.pubkey(), lp.shares[2], Junior, ONE);
    assert_resolved(
        "request_redeem",
        &resolve(&mut f.env, &idl, "request_redeem", &ix, &t).await,
        1,
    );
    f.request(&lp, Junior, 10 * ONE).await.expect_ok();
    let ix = f.addrs.cancel_redeem(lp.key.pubkey(), lp.shares[2], Junior);
    assert_resolved(
        "cancel_redeem",
        &resolve(&mut f.env, &idl, "cancel_redeem", &ix, &t).await,
        1,
    );
    f.next_epoch().await.expect_ok();
    let record = tranche_vault::pda::generation(&f.addrs.vault, Junior, 0).0;
    assert!(
        f.env.account(record).await.is_some(),
        "the fill ended junior's generation 0"
    );
    let ix = f
        .addrs
        .claim_redeem(lp.key.pubkey(), lp.quote, Junior, Some(record));
    assert_resolved(
        "claim_redeem",
        &resolve(&mut f.env, &idl, "claim_redeem", &ix, &t).await,
        2,
    );

    // Governance and borrowing.
    let id = f.vault().await.next_proposal_id;
    let authority = f.authority.insecure_clone();
    let change = ConfigChange::ProtocolFee {
        protocol_fee_bps: 100,
    };
    let ix = f
        .addrs
        .propose_config(f.env.payer(), authority.pubkey(), id, change, None);
    let r = resolve(
        &mut f.env,
        &idl,
        "propose_config",
        &ix,
        &[("proposal_id", id)],
    )
    .await;
    assert_resolved("propose_config", &r, 1);
    let ix = f.addrs.open_position(f.env.payer(), lp.key.pubkey(), 7);
    let r = resolve(
        &mut f.env,
        &idl,
        "open_position",
        &ix,
        &[("position_id", 7)],
    )
    .await;
    assert_resolved("open_position", &r, 1);
}

/// The constants a client needs are in the IDL with the program's values.
#[test]
fn the_idl_lists_the_constants_a_client_needs() {
    let idl = idl();
    let constants = &idl["constants"];
    let want: Vec<(&str, String)> = vec![
        ("SEED_VAULT", format!("{SEED_VAULT:?}")),
        ("SEED_LIQUIDITY", format!("{SEED_LIQUIDITY:?}")),
        ("SEED_TRANCHE_MINT", format!("{SEED_TRANCHE_MINT:?}")),
        ("SEED_ESCROW", format!("{SEED_ESCROW:?}")),
        ("SEED_REDEMPTION", format!("{SEED_REDEMPTION:?}")),
        ("SEED_GENERATION", format!("{SEED_GENERATION:?}")),
        ("SEED_COLLATERAL", format!("{SEED_COLLATERAL:?}")),
        ("SEED_CUSTODY", format!("{SEED_CUSTODY:?}")),
        ("SEED_POSITION", format!("{SEED_POSITION:?}")),
        ("SEED_PROPOSAL", format!("{SEED_PROPOSAL:?}")),
        ("DEAD_SHARES", DEAD_SHARES.to_string()),
        ("MIN_FIRST_DEPOSIT", MIN_FIRST_DEPOSIT.to_string()),
        ("PAUSE_DEPOSITS", PAUSE_DEPOSITS.to_string()),
        ("PAUSE_BORROWS", PAUSE_BORROWS.to_string()),
        (
            "PAUSE_REDEMPTION_REQUESTS",
            PAUSE_REDEMPTION_REQUESTS.to_string(),
        ),
        ("PAUSE_ALL", PAUSE_ALL.to_string()),
        ("BPS", BPS.to_string()),
    ];
    for (name, value) in want {
        assert_eq!(
            named(constants, name)["value"].as_str(),
            Some(value.as_str()),
            "{name}"
        );
    }
}

/// `VaultError` is declared through Anchor's `#[error_code]` only for the IDL build (`errors::vault_errors!`): the
/// program's own code, name and message of every error are the IDL's.
#[test]
fn every_error_has_the_code_name_and_message_of_the_idl() {
    use tranche_vault::errors::VaultError;
    let idl = idl();
    let errors = idl["errors"].as_array().expect("the IDL lists errors");
    assert_eq!(errors.len(), VaultError::ALL.len());
    for (e, want) in VaultError::ALL.iter().zip(errors) {
        let got =
            serde_json::json!({ "code": u32::from(*e), "name": e.name(), "msg": e.to_string() });
        assert_eq!(&got, want, "{e:?}");
        let anchor = anchor_lang::error::Error::from(*e);
        let anchor_lang::error::Error::AnchorError(a) = anchor else {
            panic!("{e:?} converts to an AnchorError")
        };
        assert_eq!(
            (a.error_code_number, a.error_name, a.error_msg),
            (u32::from(*e), e.name(), e.to_string())
        );
    }
}
