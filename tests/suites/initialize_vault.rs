//! `initialize_tranche` and `initialize_vault`: the happy path on SPL Token and Token-2022, in one transaction and
//! in four, and every refusal with its error; the tranche tokens' names (Token-2022 token metadata on the mints),
//! and `update_tranche_metadata`.

use anchor_lang::error::ErrorCode as AnchorErrorCode;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_spl::token::spl_token;
use anchor_spl::token_2022::spl_token_2022;
use solana_keypair::Keypair;
use solana_signer::Signer;
use tranche_vault::constants::{
    MAX_TOKEN_NAME_LEN, MAX_TOKEN_SYMBOL_LEN, MAX_TOKEN_URI_LEN, TRANCHE_TOKEN_PROGRAM,
};
use tranche_vault::cpi::TokenMetadataArgs;
use tranche_vault::errors::VaultError;
use tranche_vault::events::{
    TrancheInitializedEvent, TrancheMetadataUpdatedEvent, VaultInitializedEvent,
};
use tranche_vault::state::Tranche;
use tranche_vault::state::{Vault, VaultParams};
use tranche_vault_tests::builders::{default_params, vault_builder, InitializeVaultBuilder};
use tranche_vault_tests::{
    dual_test, unpack_mint, unpack_token_account, unpack_token_metadata, Mode, TestEnv, TxOutcome,
};

/// A test env with an authority keypair and a quote mint of `decimals` under `token_program`.
async fn setup(
    mode: Mode,
    token_program: Pubkey,
    decimals: u8,
) -> (TestEnv, Keypair, InitializeVaultBuilder) {
    let mut env = TestEnv::new(mode).await;
    let authority = Keypair::new();
    let quote_mint = env.create_mint(token_program, decimals).await;
    let b = vault_builder(env.payer(), authority.pubkey(), quote_mint, token_program);
    (env, authority, b)
}

/// The three tranches and the vault in one transaction, as the CLI sends them.
async fn init(env: &mut TestEnv, authority: &Keypair, b: &InitializeVaultBuilder) -> TxOutcome {
    env.send(&b.instructions(), &[authority]).await
}

/// Checks every account `initialize_tranche` and `initialize_vault` wrote, and (on SBF) their events, from the
/// transactions in `outs`.
async fn assert_initialized(env: &mut TestEnv, b: &InitializeVaultBuilder, outs: &[&TxOutcome]) {
    let a = b.addresses();
    let vault: Vault = env.anchor_account(a.vault).await;
    vault.invariant().expect("vault invariant holds");
    let (_, bump) = tranche_vault::pda::vault(&b.authority, &b.quote_mint, b.args.vault_id);
    assert_eq!(vault.version, tranche_vault::constants::VAULT_VERSION);
    assert_eq!(vault.bump, bump);
    assert_eq!(vault.authority, b.authority);
    assert_eq!(vault.creator, b.authority);
    assert_eq!(vault.pending_authority, Pubkey::default());
    assert_eq!(vault.guardian, b.args.guardian.unwrap_or_default());
    assert_eq!(vault.vault_id, b.args.vault_id);
    assert_eq!(vault.quote_mint, b.quote_mint);
    assert_eq!(vault.quote_token_program, b.token_program);
    assert_eq!(vault.liquidity, a.liquidity);
    assert_eq!(vault.tranche_mints(), a.tranche_mints);
    assert_eq!(vault.params(), b.args.params);
    assert_eq!(vault.pause_flags, 0);
    assert_eq!(vault.created_ts, vault.last_accrual_ts);

    let quote = unpack_mint(&env.account(b.quote_mint).await.expect("quote mint"));
    let liq_acc = env.account(a.liquidity).await.expect("liquidity account");
    assert_eq!(liq_acc.owner, b.token_program);
    let liq = unpack_token_account(&liq_acc);
    assert_eq!(liq.mint, b.quote_mint);
    assert_eq!(liq.owner, a.vault, "the vault PDA owns the liquidity");
    assert_eq!(liq.amount, 0);
    let rent = env.rent().await;
    for (t, mint_key) in a.tranche_mints.into_iter().enumerate() {
        let acc = env.account(mint_key).await.expect("tranche mint");
        assert_eq!(
            acc.owner, TRANCHE_TOKEN_PROGRAM,
            "tranche mints are Token-2022"
        );
        assert!(rent.is_exempt(acc.lamports, acc.data.len()));
        let (metadata, pointer) = unpack_token_metadata(&acc);
        let want = &b.tranche_metadata[t];
        assert_eq!(
            (&metadata.name, &metadata.symbol, &metadata.uri),
            (&want.name, &want.symbol, &want.uri),
            "a wallet reads the tranche's name, symbol and URI on the mint"
        );
        assert_eq!(metadata.mint, mint_key);
        assert_eq!(metadata.update_authority, Some(a.vault).try_into().unwrap());
        assert!(metadata.additional_metadata.is_empty());
        assert_eq!(pointer.metadata_address, Some(mint_key).try_into().unwrap());
        assert_eq!(
            pointer.authority,
            None.try_into().unwrap(),
            "the pointer never moves"
        );
        let m = unpack_mint(&acc);
        assert_eq!(m.decimals, quote.decimals);
        assert_eq!(
            m.mint_authority,
            Some(a.vault).into(),
            "the vault PDA mints tranche tokens"
        );
        assert_eq!(
            m.freeze_authority,
            None.into(),
            "tranche tokens stay freely transferable"
        );
        assert_eq!(m.supply, 0);
    }
    for (t, escrow) in a.escrows.iter().enumerate() {
        let acc = env.account(*escrow).await.expect("escrow");
        assert_eq!(acc.owner, TRANCHE_TOKEN_PROGRAM);
        let e = unpack_token_account(&acc);
        assert_eq!(e.mint, a.tranche_mints[t]);
        assert_eq!(e.owner, a.vault, "the vault PDA owns the escrows");
        assert_eq!(vault.tranches[t].escrow, *escrow);
    }

    if env.mode == Mode::Sbf {
        let mut tranche_events: Vec<_> = outs
            .iter()
            .flat_map(|o| o.events::<TrancheInitializedEvent>())
            .collect();
        for e in &mut tranche_events {
            assert!(e.ts <= vault.created_ts, "a tranche comes before its vault");
            e.ts = vault.created_ts;
        }
        let want: Vec<_> = Tranche::ALL
            .map(|t| TrancheInitializedEvent {
                vault: a.vault,
                tranche: t.into(),
                mint: a.tranche_mints[t.index()],
                escrow: a.escrows[t.index()],
                decimals: quote.decimals,
                metadata: b.tranche_metadata[t.index()].clone(),
                ts: vault.created_ts,
            })
            .into();
        assert_eq!(tranche_events, want);
        let events: Vec<_> = outs
            .iter()
            .flat_map(|o| o.events::<VaultInitializedEvent>())
            .collect();
        assert_eq!(
            events,
            vec![VaultInitializedEvent {
                vault: a.vault,
                creator: b.authority,
                authority: b.authority,
                guardian: b.args.guardian.unwrap_or_default(),
                vault_id: b.args.vault_id,
                quote_mint: b.quote_mint,
                quote_token_program: b.token_program,
                quote_decimals: quote.decimals,
                liquidity: a.liquidity,
                tranche_mints: a.tranche_mints,
                escrows: a.escrows,
                params: b.args.params,
                quote_oracle: b.args.quote_oracle,
                ts: vault.created_ts,
            }]
        );
        // Each instruction fits the default budget of one (a transaction of several gets the sum of theirs); the
        // bench holds each to its target.
        for cu in outs.iter().flat_map(|o| o.program_cu_each()) {
            assert!(cu < 200_000, "an instruction of the creation took {cu} CU");
        }
    }
}

dual_test!(initializes_on_spl_token, |mode| async move {
    let (mut env, authority, mut b) = setup(mode, spl_token::ID, 6).await;
    b.args.guardian = Some(Pubkey::new_unique());
    let out = init(&mut env, &authority, &b).await;
    out.expect_ok();
    assert_initialized(&mut env, &b, &[&out]).await;
});

dual_test!(initializes_on_token_2022, |mode| async move {
    let (mut env, authority, b) = setup(mode, spl_token_2022::ID, 9).await;
    let out = init(&mut env, &authority, &b).await;
    out.expect_ok();
    assert_initialized(&mut env, &b, &[&out]).await;
});

dual_test!(
    one_creator_runs_several_vaults_per_mint,
    |mode| async move {
        let (mut env, authority, mut b) = setup(mode, spl_token::ID, 6).await;
        init(&mut env, &authority, &b).await.expect_ok();
        b.args.vault_id = 7;
        let out = init(&mut env, &authority, &b).await;
        out.expect_ok();
        assert_initialized(&mut env, &b, &[&out]).await;
    }
);

dual_test!(refuses_reinitialization, |mode| async move {
    let (mut env, authority, b) = setup(mode, spl_token::ID, 6).await;
    init(&mut env, &authority, &b).await.expect_ok();
    // Same vault PDA again, in a distinct transaction (another payer, so another signature).
    let payer2 = env.funded_keypair(1_000_000_000).await;
    let mut b2 = b.clone();
    b2.payer = payer2.pubkey();
    let out = env.send(&b2.instructions(), &[&authority, &payer2]).await;
    out.expect_error(VaultError::VaultAlreadyInitialized);
    // Nor a tranche of it on its own (its mint exists too: the vault is checked first).
    let out = env
        .send(
            &[b2.initialize_tranche(Tranche::Junior)],
            &[&authority, &payer2],
        )
        .await;
    out.expect_error(VaultError::VaultAlreadyInitialized);
});

dual_test!(refuses_a_vault_before_its_tranches, |mode| async move {
    let (mut env, authority, b) = setup(mode, spl_token::ID, 6).await;
    env.send(&[b.initialize_vault()], &[&authority])
        .await
        .expect_error(VaultError::TrancheNotInitialized);
    let [senior, mezzanine, junior, vault] =
        b.instructions().try_into().expect("four instructions");
    let first = env.send(&[senior, mezzanine], &[&authority]).await;
    first.expect_ok();
    env.send_unique(std::slice::from_ref(&vault), &[&authority])
        .await
        .expect_error(VaultError::TrancheNotInitialized);
    // Nothing is lost: the missing tranche, then the vault, each in its own transaction.
    let second = env.send(&[junior], &[&authority]).await;
    second.expect_ok();
    let third = env.send_unique(&[vault], &[&authority]).await;
    third.expect_ok();
    assert_initialized(&mut env, &b, &[&first, &second, &third]).await;
});

dual_test!(refuses_a_tranche_twice, |mode| async move {
    let (mut env, authority, b) = setup(mode, spl_token::ID, 6).await;
    let ix = b.initialize_tranche(Tranche::Mezzanine);
    env.send(std::slice::from_ref(&ix), &[&authority])
        .await
        .expect_ok();
    env.send_unique(&[ix], &[&authority])
        .await
        .expect_error(VaultError::TrancheAlreadyInitialized);
});

dual_test!(refuses_a_tranche_index_out_of_range, |mode| async move {
    let (mut env, authority, b) = setup(mode, spl_token::ID, 6).await;
    let a = b.addresses();
    let mut ix = b.initialize_tranche(Tranche::Junior);
    // Tranche 3's mint and escrow, by the same seeds, so the accounts pass and the handler names the index.
    let pda = |seed: &[u8]| {
        Pubkey::find_program_address(&[seed, a.vault.as_ref(), &[3]], &tranche_vault::ID).0
    };
    ix.accounts[4].pubkey = pda(tranche_vault::constants::SEED_TRANCHE_MINT);
    ix.accounts[5].pubkey = pda(tranche_vault::constants::SEED_ESCROW);
    ix.data = anchor_lang::InstructionData::data(&tranche_vault::instruction::InitializeTranche {
        args: tranche_vault::InitializeTrancheArgs {
            vault_id: b.args.vault_id,
            tranche: 3,
            metadata: b.tranche_metadata[2].clone(),
        },
    });
    env.send(&[ix], &[&authority])
        .await
        .expect_error(VaultError::InvalidTranche);
});

dual_test!(
    a_stranger_cannot_create_the_tranches_of_a_vault,
    |mode| async move {
        // The vault's address is in the tranche's seeds, and the signer is in the vault's: a stranger's tranche
        // would be one of a vault of the stranger's.
        let (mut env, _authority, b) = setup(mode, spl_token::ID, 6).await;
        let stranger = Keypair::new();
        let mut ix = b.initialize_tranche(Tranche::Senior);
        ix.accounts
            .iter_mut()
            .filter(|m| m.pubkey == b.authority)
            .for_each(|m| m.pubkey = stranger.pubkey());
        env.send(&[ix], &[&stranger])
            .await
            .expect_error(AnchorErrorCode::ConstraintSeeds);
    }
);

dual_test!(creates_over_a_prefunded_address, |mode| async move {
    // Anyone can send lamports to the vault PDA (or its token accounts) before it exists; that must not block it.
    let (mut env, authority, b) = setup(mode, spl_token::ID, 6).await;
    let a = b.addresses();
    let ixs: Vec<_> = [a.vault, a.liquidity, a.tranche_mints[0], a.escrows[1]]
        .iter()
        .map(|k| {
            anchor_lang::solana_program::system_instruction::transfer(&env.payer(), k, 1_000_000)
        })
        .collect();
    env.send(&ixs, &[]).await.expect_ok();
    let out = init(&mut env, &authority, &b).await;
    out.expect_ok();
    assert_initialized(&mut env, &b, &[&out]).await;
});

dual_test!(refuses_non_signer_authority, |mode| async move {
    let (mut env, _authority, b) = setup(mode, spl_token::ID, 6).await;
    for mut ix in [b.initialize_tranche(Tranche::Senior), b.initialize_vault()] {
        let meta = ix
            .accounts
            .iter_mut()
            .find(|m| m.pubkey == b.authority)
            .expect("authority meta");
        meta.is_signer = false;
        env.send(&[ix], &[])
            .await
            .expect_error(AnchorErrorCode::AccountNotSigner);
    }
});

dual_test!(
    refuses_quote_mint_of_another_token_program,
    |mode| async move {
        // An SPL Token mint presented with the Token-2022 program.
        let (mut env, authority, mut b) = setup(mode, spl_token::ID, 6).await;
        b.token_program = spl_token_2022::ID;
        init(&mut env, &authority, &b)
            .await
            .expect_error(VaultError::WrongQuoteMintProgram);
    }
);

dual_test!(refuses_a_token_program_that_is_not_one, |mode| async move {
    let (mut env, authority, mut b) = setup(mode, spl_token::ID, 6).await;
    b.token_program = anchor_lang::system_program::ID;
    init(&mut env, &authority, &b)
        .await
        .expect_error(AnchorErrorCode::InvalidProgramId);
});

dual_test!(
    refuses_a_tranche_token_program_that_is_not_token_2022,
    |mode| async move {
        let (mut env, authority, b) = setup(mode, spl_token::ID, 6).await;
        let mut ix = b.initialize_tranche(Tranche::Senior);
        // tranche_token_program comes before system_program; SPL Token there is refused.
        let at = ix.accounts.len() - 2;
        assert_eq!(ix.accounts[at].pubkey, TRANCHE_TOKEN_PROGRAM);
        ix.accounts[at].pubkey = spl_token::ID;
        env.send(&[ix], &[&authority])
            .await
            .expect_error(VaultError::WrongTrancheTokenProgram);
    }
);

/// Each out-of-bounds token metadata field, with the error that names it; and the largest that are accepted.
fn bad_metadata() -> Vec<(&'static str, TokenMetadataArgs, VaultError)> {
    let ok = TokenMetadataArgs {
        name: "Senior · USDC vault 1".into(),
        symbol: "tvSR-1".into(),
        uri: "https://example.com/sr.json".into(),
    };
    let with = |f: &dyn Fn(&mut TokenMetadataArgs)| {
        let mut m = ok.clone();
        f(&mut m);
        m
    };
    let long = |n: u32| "a".repeat(n as usize + 1);
    vec![
        (
            "empty name",
            with(&|m| m.name.clear()),
            VaultError::TokenNameInvalid,
        ),
        (
            "long name",
            with(&|m| m.name = long(MAX_TOKEN_NAME_LEN)),
            VaultError::TokenNameInvalid,
        ),
        (
            "control in name",
            with(&|m| m.name = "Senior\n".into()),
            VaultError::TokenNameInvalid,
        ),
        (
            "bidi override in name",
            with(&|m| m.name = "Senior \u{202E}roineS".into()),
            VaultError::TokenNameInvalid,
        ),
        (
            "zero-width space in name",
            with(&|m| m.name = "Sen\u{200B}ior".into()),
            VaultError::TokenNameInvalid,
        ),
        (
            "empty symbol",
            with(&|m| m.symbol.clear()),
            VaultError::TokenSymbolInvalid,
        ),
        (
            "long symbol",
            with(&|m| m.symbol = long(MAX_TOKEN_SYMBOL_LEN)),
            VaultError::TokenSymbolInvalid,
        ),
        (
            "space in symbol",
            with(&|m| m.symbol = "tv SR".into()),
            VaultError::TokenSymbolInvalid,
        ),
        (
            "non-ASCII symbol",
            with(&|m| m.symbol = "tv·SR".into()),
            VaultError::TokenSymbolInvalid,
        ),
        (
            "long URI",
            with(&|m| m.uri = long(MAX_TOKEN_URI_LEN)),
            VaultError::TokenUriInvalid,
        ),
        (
            "space in URI",
            with(&|m| m.uri = "https://x/a b".into()),
            VaultError::TokenUriInvalid,
        ),
    ]
}

/// The largest metadata within bounds (multi-byte name at exactly the limit) and an empty URI are accepted.
fn largest_metadata() -> TokenMetadataArgs {
    let name: String = "é".repeat(MAX_TOKEN_NAME_LEN as usize / 2);
    assert_eq!(name.len(), MAX_TOKEN_NAME_LEN as usize);
    TokenMetadataArgs {
        name,
        symbol: "S".repeat(MAX_TOKEN_SYMBOL_LEN as usize),
        uri: "u".repeat(MAX_TOKEN_URI_LEN as usize),
    }
}

/// A real cluster's largest transaction, bytes (`PACKET_DATA_SIZE`).
const PACKET_DATA_SIZE: usize = 1_232;

/// The wire size of a legacy transaction of `ixs` with fee payer `payer`: its signatures, then its message (header,
/// account keys, blockhash, compiled instructions), each list after its compact-u16 length.
fn wire_size(ixs: &[Instruction], payer: &Pubkey) -> usize {
    let m = solana_transaction::Transaction::new_with_payer(ixs, Some(payer)).message;
    let compact = |n: usize| match n {
        0..0x80 => 1,
        0x80..0x4000 => 2,
        _ => 3,
    };
    let list = |n: usize, each: usize| compact(n) + n * each;
    let sigs = usize::from(m.header.num_required_signatures);
    list(sigs, 64)
        + 3
        + list(m.account_keys.len(), 32)
        + 32
        + compact(m.instructions.len())
        + m.instructions
            .iter()
            .map(|i| 1 + list(i.accounts.len(), 1) + list(i.data.len(), 1))
            .sum::<usize>()
}

/// Bytes of the three tranche tokens' names, symbols and URIs together.
fn field_bytes(b: &InitializeVaultBuilder) -> usize {
    b.tranche_metadata
        .iter()
        .map(|m| m.name.len() + m.symbol.len() + m.uri.len())
        .sum()
}

#[test]
fn a_creation_fits_one_transaction_and_the_largest_fields_one_each() {
    // A payer apart from the authority (two signatures), SPL Token quote (one more program key): the largest case.
    let b = vault_builder(
        Pubkey::new_unique(),
        Pubkey::new_unique(),
        Pubkey::new_unique(),
        spl_token::ID,
    );
    let size = wire_size(&b.instructions(), &b.payer);
    let room = PACKET_DATA_SIZE - size + field_bytes(&b);
    println!(
        "the four instructions: {size} bytes; room for {room} bytes of the three tranches' fields"
    );
    assert!(size <= PACKET_DATA_SIZE, "{size} bytes");
    assert!(
        room >= MIN_FIELD_ROOM,
        "room for {room} bytes of fields (README: {MIN_FIELD_ROOM})"
    );
    let mut largest = b.clone();
    largest.tranche_metadata = [largest_metadata(), largest_metadata(), largest_metadata()];
    for ix in largest.instructions() {
        let size = wire_size(&[ix], &b.payer);
        assert!(
            size <= PACKET_DATA_SIZE,
            "one instruction with the largest fields: {size} bytes"
        );
    }
}

/// What the README promises one transaction of the four holds of the three tranches' fields together.
const MIN_FIELD_ROOM: usize = 260;

#[test]
fn token_metadata_bounds_are_checked_by_validate() {
    for (what, m, err) in bad_metadata() {
        let got = m.validate().expect_err(what);
        assert_eq!(got, err.into(), "{what}");
    }
    largest_metadata()
        .validate()
        .expect("the largest metadata is valid");
    let mut empty_uri = largest_metadata();
    empty_uri.uri.clear();
    empty_uri.validate().expect("an empty URI is valid");
}

dual_test!(refuses_out_of_bounds_token_metadata, |mode| async move {
    let (mut env, authority, mut b) = setup(mode, spl_token::ID, 6).await;
    for (what, m, err) in bad_metadata() {
        b.tranche_metadata[2] = m;
        let out = init(&mut env, &authority, &b).await;
        assert_eq!(out.custom_error(), Some(err.into()), "{what}");
    }
    // The largest fields take a transaction each (a real cluster's 1,232 bytes hold one tranche of them).
    b.tranche_metadata = [largest_metadata(), largest_metadata(), largest_metadata()];
    let mut outs = vec![];
    for ix in b.instructions() {
        let out = env.send(&[ix], &[&authority]).await;
        out.expect_ok();
        outs.push(out);
    }
    assert_initialized(&mut env, &b, &outs.iter().collect::<Vec<_>>()).await;
});

dual_test!(the_authority_renames_a_tranche_token, |mode| async move {
    let (mut env, authority, b) = setup(mode, spl_token::ID, 6).await;
    init(&mut env, &authority, &b).await.expect_ok();
    let a = b.addresses();
    let mint = a.tranche_mints[1];
    let before = env.account(mint).await.expect("mint");
    // Longer in every field: the mint grows, and the payer tops its rent up.
    let renamed = largest_metadata();
    let ix = a.update_tranche_metadata(
        authority.pubkey(),
        env.payer(),
        Tranche::Mezzanine,
        renamed.clone(),
    );
    let out = env.send(&[ix], &[&authority]).await;
    out.expect_ok();
    let after = env.account(mint).await.expect("mint");
    assert!(after.data.len() > before.data.len());
    assert!(env.rent().await.is_exempt(after.lamports, after.data.len()));
    let (metadata, _) = unpack_token_metadata(&after);
    assert_eq!(
        (metadata.name, metadata.symbol, metadata.uri),
        (
            renamed.name.clone(),
            renamed.symbol.clone(),
            renamed.uri.clone()
        )
    );
    // The other tranches keep theirs.
    for t in [0, 2] {
        let (m, _) = unpack_token_metadata(&env.account(a.tranche_mints[t]).await.expect("mint"));
        assert_eq!(m.name, b.tranche_metadata[t].name);
    }
    if mode == Mode::Sbf {
        let e = out.events::<TrancheMetadataUpdatedEvent>();
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].vault, e[0].tranche, e[0].mint, e[0].authority),
            (a.vault, 1, mint, authority.pubkey())
        );
        assert_eq!(e[0].metadata, renamed);
    }
    // Shorter again, one field only: the name changes, the rest stays.
    let mut shorter = renamed.clone();
    shorter.name = "Mezz".into();
    let ix = a.update_tranche_metadata(
        authority.pubkey(),
        env.payer(),
        Tranche::Mezzanine,
        shorter.clone(),
    );
    env.send(&[ix], &[&authority]).await.expect_ok();
    let (m, _) = unpack_token_metadata(&env.account(mint).await.expect("mint"));
    assert_eq!(
        (m.name, m.symbol, m.uri),
        (shorter.name, shorter.symbol, shorter.uri)
    );
});

dual_test!(
    a_rename_to_the_multisig_length_is_funded,
    |mode| async move {
        // Token-2022 pads a mint whose length would equal a multisig's (355 bytes) to 357: here 318 bytes plus a
        // name, symbol and URI of 37 bytes together, from a mint funded for 10. The top-up follows the real size.
        let (mut env, authority, mut b) = setup(mode, spl_token::ID, 6).await;
        b.tranche_metadata[0] = TokenMetadataArgs {
            name: "Senior".into(),
            symbol: "tvSR".into(),
            uri: String::new(),
        };
        init(&mut env, &authority, &b).await.expect_ok();
        let a = b.addresses();
        let renamed = TokenMetadataArgs {
            name: "Senior tranche USDC vault 01".into(),
            symbol: "tvSR-1".into(),
            uri: "abc".into(),
        };
        let ix = a.update_tranche_metadata(
            authority.pubkey(),
            env.payer(),
            Tranche::Senior,
            renamed.clone(),
        );
        env.send(&[ix], &[&authority]).await.expect_ok();
        let mint = env.account(a.tranche_mints[0]).await.expect("mint");
        assert_eq!(mint.data.len(), 357, "padded past the multisig length");
        assert!(env.rent().await.is_exempt(mint.lamports, mint.data.len()));
        assert_eq!(unpack_token_metadata(&mint).0.name, renamed.name);
    }
);

dual_test!(
    only_the_authority_renames_with_valid_fields,
    |mode| async move {
        let (mut env, authority, b) = setup(mode, spl_token::ID, 6).await;
        init(&mut env, &authority, &b).await.expect_ok();
        let a = b.addresses();
        let stranger = env.funded_keypair(1_000_000_000).await;
        let m = largest_metadata();
        let ix =
            a.update_tranche_metadata(stranger.pubkey(), env.payer(), Tranche::Junior, m.clone());
        env.send(&[ix], &[&stranger])
            .await
            .expect_error(VaultError::NotAuthority);
        for (what, bad, err) in bad_metadata() {
            let ix =
                a.update_tranche_metadata(authority.pubkey(), env.payer(), Tranche::Junior, bad);
            let out = env.send(&[ix], &[&authority]).await;
            assert_eq!(out.custom_error(), Some(err.into()), "{what}");
        }
        // The senior mint named as junior's.
        let mut ix =
            a.update_tranche_metadata(authority.pubkey(), env.payer(), Tranche::Junior, m.clone());
        ix.accounts[3].pubkey = a.tranche_mints[0];
        env.send(&[ix], &[&authority])
            .await
            .expect_error(VaultError::WrongTrancheMint);
        // SPL Token in place of Token-2022.
        let mut ix = a.update_tranche_metadata(authority.pubkey(), env.payer(), Tranche::Junior, m);
        ix.accounts[4].pubkey = spl_token::ID;
        env.send(&[ix], &[&authority])
            .await
            .expect_error(VaultError::WrongTrancheTokenProgram);
        let (junior, _) =
            unpack_token_metadata(&env.account(a.tranche_mints[2]).await.expect("mint"));
        assert_eq!(
            junior.name, b.tranche_metadata[2].name,
            "nothing was renamed"
        );
    }
);

dual_test!(refuses_a_quote_mint_that_is_not_a_mint, |mode| async move {
    let (mut env, authority, mut b) = setup(mode, spl_token::ID, 6).await;
    b.quote_mint = env.payer(); // a system account
    init(&mut env, &authority, &b)
        .await
        .expect_error(AnchorErrorCode::AccountOwnedByWrongProgram);
});

dual_test!(refuses_transfer_fee_quote_mint, |mode| async move {
    let mut env = TestEnv::new(mode).await;
    let authority = Keypair::new();
    let mint = env.create_transfer_fee_mint(6).await;
    let b = vault_builder(env.payer(), authority.pubkey(), mint, spl_token_2022::ID);
    init(&mut env, &authority, &b)
        .await
        .expect_error(VaultError::UnsupportedMintExtension);
    // A tranche alone too: its rent would be locked under a vault that can never exist.
    env.send(&[b.initialize_tranche(Tranche::Senior)], &[&authority])
        .await
        .expect_error(VaultError::UnsupportedMintExtension);
});

dual_test!(
    refuses_quote_mint_with_too_many_decimals,
    |mode| async move {
        let (mut env, authority, b) = setup(mode, spl_token::ID, 13).await;
        init(&mut env, &authority, &b)
            .await
            .expect_error(VaultError::QuoteDecimalsTooLarge);
    }
);

dual_test!(refuses_guardian_equal_to_authority, |mode| async move {
    let (mut env, authority, mut b) = setup(mode, spl_token::ID, 6).await;
    b.args.guardian = Some(authority.pubkey());
    init(&mut env, &authority, &b)
        .await
        .expect_error(VaultError::GuardianIsAuthority);
});

dual_test!(refuses_a_vault_address_off_its_seeds, |mode| async move {
    let (mut env, authority, b) = setup(mode, spl_token::ID, 6).await;
    let other = tranche_vault::pda::vault(&b.authority, &b.quote_mint, 99).0;
    let vault = b.addresses().vault;
    for mut ix in [b.initialize_tranche(Tranche::Senior), b.initialize_vault()] {
        ix.accounts
            .iter_mut()
            .filter(|m| m.pubkey == vault)
            .for_each(|m| m.pubkey = other);
        env.send(&[ix], &[&authority])
            .await
            .expect_error(AnchorErrorCode::ConstraintSeeds);
    }
});

/// Each out-of-bounds parameter, with the error that names it.
fn bad_params() -> Vec<(&'static str, VaultParams, VaultError)> {
    let d = default_params();
    let with = |f: &dyn Fn(&mut VaultParams)| {
        let mut p = d;
        f(&mut p);
        p
    };
    vec![
        (
            "senior apr",
            with(&|p| p.senior_target_apr_bps = 5_001),
            VaultError::TargetAprTooHigh,
        ),
        (
            "mezz apr",
            with(&|p| p.mezzanine_target_apr_bps = u16::MAX),
            VaultError::TargetAprTooHigh,
        ),
        (
            "junior > subordination",
            with(&|p| p.min_junior_bps = 3_000),
            VaultError::InvalidSubordination,
        ),
        (
            "subordination 100%",
            with(&|p| {
                p.min_subordination_bps = 10_000;
            }),
            VaultError::InvalidSubordination,
        ),
        (
            "fee",
            with(&|p| p.protocol_fee_bps = 3_001),
            VaultError::ProtocolFeeTooHigh,
        ),
        (
            "optimal 0",
            with(&|p| p.rate_curve.optimal_utilization_bps = 0),
            VaultError::InvalidOptimalUtilization,
        ),
        (
            "optimal 100%",
            with(&|p| p.rate_curve.optimal_utilization_bps = 10_000),
            VaultError::InvalidOptimalUtilization,
        ),
        (
            "max rate",
            with(&|p| p.rate_curve.slope2_bps = 99_001),
            VaultError::BorrowRateTooHigh,
        ),
        (
            "rate overflow",
            with(&|p| {
                p.rate_curve.slope1_bps = u32::MAX;
                p.rate_curve.slope2_bps = u32::MAX;
            }),
            VaultError::BorrowRateTooHigh,
        ),
        (
            "max util 0",
            with(&|p| p.max_utilization_bps = 0),
            VaultError::InvalidMaxUtilization,
        ),
        (
            "max util > 100%",
            with(&|p| p.max_utilization_bps = 10_001),
            VaultError::InvalidMaxUtilization,
        ),
        (
            "epoch short",
            with(&|p| p.epoch_duration_secs = 599),
            VaultError::InvalidEpochDuration,
        ),
        (
            "epoch long",
            with(&|p| p.epoch_duration_secs = 90 * 86_400 + 1),
            VaultError::InvalidEpochDuration,
        ),
        (
            "timelock",
            with(&|p| p.timelock_delay_secs = 30 * 86_400 + 1),
            VaultError::TimelockTooLong,
        ),
    ]
}

#[test]
fn every_bound_is_checked_by_validate() {
    default_params()
        .validate()
        .expect("default params are valid");
    for (name, p, err) in bad_params() {
        let e = p.validate().expect_err(name);
        assert_eq!(e, anchor_lang::error::Error::from(err), "{name}");
    }
}

dual_test!(refuses_each_out_of_bounds_parameter, |mode| async move {
    let (mut env, authority, mut b) = setup(mode, spl_token::ID, 6).await;
    for (i, (name, p, err)) in bad_params().into_iter().enumerate() {
        b.args.params = p;
        b.args.vault_id = i as u64; // a distinct transaction each time
        let out = init(&mut env, &authority, &b).await;
        assert_eq!(
            out.custom_error(),
            Some(u32::from(err)),
            "{name}: {:?}",
            out.result
        );
    }
});
