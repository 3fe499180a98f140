//! Governance: the timelock (timing, cancellation, bounds at proposal and at execution, the execution window, an
//! authority change voiding pending proposals), the guardian (pause and lower caps at once, nothing that loosens
//! risk), the two-step authority transfer, a PDA authority signing by CPI, and a pause that blocks deposits,
//! borrows and redemption requests but never repay or liquidate. The attacks on the timelock (listing an asset at
//! once, trapping depositors behind a paused queue) are in `adversarial.rs`.

use anchor_lang::error::ErrorCode as AnchorErrorCode;
use anchor_lang::prelude::Pubkey;
use solana_keypair::Keypair;
use solana_signer::Signer;
use tranche_vault::constants::{
    PAUSE_ALL, PAUSE_BORROWS, PAUSE_DEPOSITS, PAUSE_REDEMPTION_REQUESTS,
};
use tranche_vault::errors::VaultError;
use tranche_vault::events::{ConfigExecutedEvent, ConfigProposedEvent};
use tranche_vault::oracle::OracleSetting;
use tranche_vault::state::Tranche::{Junior, Mezzanine, Senior};
use tranche_vault::state::{ConfigChange, Proposal, RateCurve};
use tranche_vault::CapTarget;
use tranche_vault_tests::builders::{collateral_params, pull_oracle, vault_builder};
use tranche_vault_tests::fixture::{VaultFixture, ONE};
use tranche_vault_tests::{dual_test, multisig_authority, via_multisig, Mode, TestEnv, TxOutcome};

const DELAY: i64 = 172_800; // default_params().timelock_delay_secs
const SOL: u64 = 1_000_000_000; // 9 decimals

/// Proposes `change` (with `asset` when it needs one) as the vault's authority; returns its id and the outcome.
async fn propose(
    f: &mut VaultFixture,
    change: ConfigChange,
    asset: Option<Pubkey>,
) -> (u64, TxOutcome) {
    let id = f.vault().await.next_proposal_id;
    let ix = f
        .addrs
        .propose_config(f.env.payer(), f.authority.pubkey(), id, change, asset);
    let authority = f.authority.insecure_clone();
    (id, f.env.send_unique(&[ix], &[&authority]).await)
}

async fn execute(f: &mut VaultFixture, id: u64, asset: Option<Pubkey>) -> TxOutcome {
    let ix = f.addrs.execute_config(id, f.env.payer(), asset);
    f.env.send_unique(&[ix], &[]).await
}

/// Proposes and, after the delay and an epoch close, executes `change`.
async fn enact(f: &mut VaultFixture, change: ConfigChange, asset: Option<Pubkey>) {
    f.govern(change, asset).await.expect_ok();
}

dual_test!(
    a_change_waits_for_its_eta_then_anyone_executes_it,
    |mode| async move {
        let mut f = VaultFixture::new(mode).await;
        let change = ConfigChange::ProtocolFee {
            protocol_fee_bps: 1_500,
        };
        let (id, out) = propose(&mut f, change, None).await;
        out.expect_ok();
        let p: Proposal = f.env.anchor_account(f.addrs.proposal(id)).await;
        let now = f.env.now().await;
        assert_eq!(
            (p.eta, p.change.0, p.proposer),
            (now + DELAY, change, f.authority.pubkey())
        );
        if mode == Mode::Sbf {
            let e = &out.events::<ConfigProposedEvent>()[0];
            assert_eq!((e.proposal_id, e.change, e.eta), (id, change, now + DELAY));
            println!("propose_config: {} CU", out.program_cu());
        }
        f.warp(DELAY - 1).await;
        execute(&mut f, id, None)
            .await
            .expect_error(VaultError::TimelockNotElapsed);
        f.warp(1).await;
        // A fee change moves income away from depositors: it waits for an epoch to close after it was proposed,
        // so that requests filed meanwhile are filled first (`close_epoch` is permissionless).
        execute(&mut f, id, None)
            .await
            .expect_error(VaultError::NoEpochClosedSinceProposal);
        f.close_epoch().await.expect_ok();
        let payer_before = f.env.account(f.env.payer()).await.unwrap().lamports;
        let rent = f.env.rent().await;
        let out = execute(&mut f, id, None).await;
        out.expect_ok();
        assert_eq!(f.vault().await.protocol_fee_bps, 1_500);
        assert!(
            f.env.account(f.addrs.proposal(id)).await.is_none(),
            "the proposal is closed"
        );
        // The payer paid one signature's fee and got the proposal's rent back, exactly.
        assert_eq!(
            f.env.account(f.env.payer()).await.unwrap().lamports,
            payer_before - 5_000 + rent.minimum_balance(Proposal::SPACE),
            "rent refunded"
        );
        if mode == Mode::Sbf {
            assert_eq!(out.events::<ConfigExecutedEvent>()[0].change, change);
            println!("execute_config: {} CU", out.program_cu());
        }
        execute(&mut f, id, None)
            .await
            .expect_error(AnchorErrorCode::AccountNotInitialized);
    }
);

dual_test!(the_authority_cancels_a_pending_change, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let (id, out) = propose(
        &mut f,
        ConfigChange::EpochDuration {
            epoch_duration_secs: 3_600,
        },
        None,
    )
    .await;
    out.expect_ok();
    let stranger = f.user(0).await;
    let ix = f
        .addrs
        .cancel_config(stranger.key.pubkey(), id, f.env.payer());
    f.env
        .send_unique(&[ix], &[&stranger.key])
        .await
        .expect_error(VaultError::NotAuthority);
    let ix = f
        .addrs
        .cancel_config(f.authority.pubkey(), id, stranger.key.pubkey());
    let authority = f.authority.insecure_clone();
    f.env
        .send_unique(&[ix], &[&authority])
        .await
        .expect_error(VaultError::WrongProposal);
    let ix = f
        .addrs
        .cancel_config(f.authority.pubkey(), id, f.env.payer());
    let out = f.env.send_unique(&[ix], &[&authority]).await;
    out.expect_ok();
    if mode == Mode::Sbf {
        println!("cancel_config: {} CU", out.program_cu());
    }
    f.warp(DELAY).await;
    execute(&mut f, id, None)
        .await
        .expect_error(AnchorErrorCode::AccountNotInitialized);
    assert_eq!(f.vault().await.epoch_duration_secs, 86_400);
});

dual_test!(every_bound_is_checked_at_proposal, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let sol = f.add_collateral(9, 100.0).await;
    let asset = f.assets[sol].addrs.asset;
    let curve = |base, s1, s2, opt| RateCurve {
        base_rate_bps: base,
        slope1_bps: s1,
        slope2_bps: s2,
        optimal_utilization_bps: opt,
    };
    let mut bad_collateral = collateral_params([0x60; 32]);
    bad_collateral.max_ltv_bps = 8_500;
    let mut bad_oracle = pull_oracle([1; 32]);
    bad_oracle.max_age_secs = 0;
    let authority = f.authority.pubkey();
    let cases: Vec<(ConfigChange, VaultError)> = vec![
        (
            ConfigChange::TargetApr {
                tranche: Senior,
                target_apr_bps: 5_001,
            },
            VaultError::TargetAprTooHigh,
        ),
        (
            ConfigChange::TargetApr {
                tranche: Junior,
                target_apr_bps: 100,
            },
            VaultError::JuniorHasNoTarget,
        ),
        (
            ConfigChange::Subordination {
                min_junior_bps: 3_000,
                min_subordination_bps: 2_000,
            },
            VaultError::InvalidSubordination,
        ),
        (
            ConfigChange::Subordination {
                min_junior_bps: 0,
                min_subordination_bps: 10_000,
            },
            VaultError::InvalidSubordination,
        ),
        (
            ConfigChange::RateCurve {
                curve: curve(100, 900, 15_000, 0),
            },
            VaultError::InvalidOptimalUtilization,
        ),
        (
            ConfigChange::RateCurve {
                curve: curve(50_000, 50_000, 1, 8_000),
            },
            VaultError::BorrowRateTooHigh,
        ),
        (
            ConfigChange::ProtocolFee {
                protocol_fee_bps: 3_001,
            },
            VaultError::ProtocolFeeTooHigh,
        ),
        (
            ConfigChange::EpochDuration {
                epoch_duration_secs: 599,
            },
            VaultError::InvalidEpochDuration,
        ),
        (
            ConfigChange::MaxUtilization {
                max_utilization_bps: 0,
            },
            VaultError::InvalidMaxUtilization,
        ),
        (
            ConfigChange::TimelockDelay {
                timelock_delay_secs: 30 * 86_400 + 1,
            },
            VaultError::TimelockTooLong,
        ),
        // The delay covers an epoch, so that a request filed when a proposal appears is filled before it runs.
        (
            ConfigChange::TimelockDelay {
                timelock_delay_secs: 86_399,
            },
            VaultError::TimelockShorterThanEpoch,
        ),
        (
            ConfigChange::EpochDuration {
                epoch_duration_secs: 172_801,
            },
            VaultError::TimelockShorterThanEpoch,
        ),
        (
            ConfigChange::QuoteOracle {
                oracle: OracleSetting {
                    program: Keypair::new().pubkey(),
                    ..pull_oracle([0x51; 32])
                },
            },
            VaultError::OracleProgramNotAllowed,
        ),
        (
            ConfigChange::QuoteOracle {
                oracle: OracleSetting {
                    account: Pubkey::default(),
                    ..pull_oracle([0x51; 32])
                },
            },
            VaultError::OracleAccountNotPinned,
        ),
        (
            ConfigChange::Guardian {
                guardian: Some(authority),
            },
            VaultError::GuardianIsAuthority,
        ),
        (
            ConfigChange::Collateral {
                asset,
                params: bad_collateral,
            },
            VaultError::InvalidMaxLtv,
        ),
        (
            ConfigChange::QuoteOracle { oracle: bad_oracle },
            VaultError::InvalidOracleMaxAge,
        ),
    ];
    for (change, err) in cases {
        let with_asset = change.asset();
        let (_, out) = propose(&mut f, change, with_asset).await;
        out.expect_error(err);
    }
    // A collateral change needs its asset, of this vault.
    let ok = ConfigChange::Collateral {
        asset,
        params: collateral_params([0x60; 32]),
    };
    propose(&mut f, ok, None)
        .await
        .1
        .expect_error(VaultError::ChangeNeedsAsset);
    // And every change that is within bounds goes through.
    let ok_changes = [
        ConfigChange::TargetApr {
            tranche: Mezzanine,
            target_apr_bps: 1_200,
        },
        ConfigChange::DepositCap {
            tranche: Junior,
            cap: 3_000_000 * ONE,
        },
        ConfigChange::Subordination {
            min_junior_bps: 1_500,
            min_subordination_bps: 3_000,
        },
        ConfigChange::RateCurve {
            curve: curve(200, 800, 10_000, 7_500),
        },
        ConfigChange::MaxUtilization {
            max_utilization_bps: 8_500,
        },
        ConfigChange::TimelockDelay {
            timelock_delay_secs: 86_400,
        },
        ConfigChange::QuoteOracle {
            oracle: pull_oracle([0x51; 32]),
        },
    ];
    for change in ok_changes {
        enact(&mut f, change, None).await;
    }
    let v = f.vault().await;
    let p = v.params();
    assert_eq!(
        (
            p.mezzanine_target_apr_bps,
            p.deposit_caps[2],
            p.min_junior_bps
        ),
        (1_200, 3_000_000 * ONE, 1_500)
    );
    assert_eq!(
        (p.rate_curve.optimal_utilization_bps, p.max_utilization_bps),
        (7_500, 8_500)
    );
    assert_eq!(p.timelock_delay_secs, 86_400);
    // Collateral parameters (oracle, LTV, threshold, bonus, cap, enabled) through the timelock, which is now one
    // day: the delay itself changed through the old delay.
    let mut params = collateral_params([0x6f; 32]);
    params.max_ltv_bps = 5_000;
    params.enabled = false;
    let (id, out) = propose(
        &mut f,
        ConfigChange::Collateral { asset, params },
        Some(asset),
    )
    .await;
    out.expect_ok();
    f.warp(86_400).await;
    f.close_epoch().await.expect_ok();
    execute(&mut f, id, None)
        .await
        .expect_error(VaultError::ChangeNeedsAsset);
    execute(&mut f, id, Some(asset)).await.expect_ok();
    let a = f.asset(sol).await;
    assert_eq!(
        (a.max_ltv_bps, a.enabled, a.oracle),
        (5_000, false, pull_oracle([0x6f; 32]))
    );
});

dual_test!(bounds_are_checked_again_at_execution, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    // Each is valid when proposed (a 1-day delay covers the 1-day epoch; a 2-day epoch is covered by today's
    // 2-day delay), but once the first runs, the second would make the epoch longer than the delay.
    let (shorter, out) = propose(
        &mut f,
        ConfigChange::TimelockDelay {
            timelock_delay_secs: 86_400,
        },
        None,
    )
    .await;
    out.expect_ok();
    let (longer, out) = propose(
        &mut f,
        ConfigChange::EpochDuration {
            epoch_duration_secs: 172_800,
        },
        None,
    )
    .await;
    out.expect_ok();
    f.warp(DELAY).await;
    f.close_epoch().await.expect_ok();
    execute(&mut f, shorter, None).await.expect_ok();
    execute(&mut f, longer, None)
        .await
        .expect_error(VaultError::TimelockShorterThanEpoch);
    let v = f.vault().await;
    assert_eq!(
        (v.timelock_delay_secs, v.epoch_duration_secs),
        (86_400, 86_400)
    );
});

dual_test!(a_proposal_expires_after_its_window, |mode| async move {
    use tranche_vault::constants::PROPOSAL_EXECUTION_WINDOW_SECS;
    let mut f = VaultFixture::new(mode).await;
    let cap = f.vault().await.tranches[0].deposit_cap;
    let raise = ConfigChange::DepositCap {
        tranche: Senior,
        cap: cap * 2,
    };
    let (late, out) = propose(&mut f, raise, None).await;
    out.expect_ok();
    let (in_time, out) = propose(&mut f, raise, None).await;
    out.expect_ok();
    // The guardian's (here the authority's) immediate cut; an old raise must not silently undo it for ever.
    let authority = f.authority.insecure_clone();
    let ix = f.addrs.lower_cap(
        authority.pubkey(),
        CapTarget::Tranche(Senior),
        cap / 2,
        None,
    );
    f.env.send_unique(&[ix], &[&authority]).await.expect_ok();
    f.warp(DELAY + PROPOSAL_EXECUTION_WINDOW_SECS).await;
    f.close_epoch().await.expect_ok();
    // Two identical raises. At the last second of the window one still runs; a second later the other has
    // expired.
    let ix = f.addrs.execute_config(in_time, f.env.payer(), None);
    f.env.send_unique(&[ix], &[]).await.expect_ok();
    f.warp(1).await;
    execute(&mut f, late, None)
        .await
        .expect_error(VaultError::ProposalExpired);
    // An expired proposal is only cancelled (its rent comes back to its payer).
    let ix = f
        .addrs
        .cancel_config(authority.pubkey(), late, f.env.payer());
    f.env.send_unique(&[ix], &[&authority]).await.expect_ok();
});

dual_test!(
    an_authority_change_voids_pending_proposals,
    |mode| async move {
        let mut f = VaultFixture::new(mode).await;
        // The old authority proposes a guardian; then the authority moves to `k`.
        let g = Keypair::new();
        let (id, out) = propose(
            &mut f,
            ConfigChange::Guardian {
                guardian: Some(g.pubkey()),
            },
            None,
        )
        .await;
        out.expect_ok();
        let authority = f.authority.insecure_clone();
        let k = Keypair::new();
        let ix = f.addrs.propose_authority(authority.pubkey(), k.pubkey());
        f.env.send_unique(&[ix], &[&authority]).await.expect_ok();
        let ix = f.addrs.accept_authority(k.pubkey());
        let out = f.env.send_unique(&[ix], &[&k]).await;
        out.expect_ok();
        if mode == Mode::Sbf {
            let e = &out.events::<tranche_vault::events::AuthorityAcceptedEvent>()[0];
            assert_eq!(e.first_valid_proposal_id, id + 1);
        }
        f.warp(DELAY).await;
        f.close_epoch().await.expect_ok();
        execute(&mut f, id, None)
            .await
            .expect_error(VaultError::ProposalVoided);
        assert_eq!(f.vault().await.guardian, Pubkey::default());
        // The new authority's own proposals run; it may also cancel the void one.
        let next = f.vault().await.next_proposal_id;
        let ix = f.addrs.propose_config(
            f.env.payer(),
            k.pubkey(),
            next,
            ConfigChange::Guardian {
                guardian: Some(g.pubkey()),
            },
            None,
        );
        f.env.send_unique(&[ix], &[&k]).await.expect_ok();
        f.warp(DELAY).await;
        f.close_epoch().await.expect_ok();
        execute(&mut f, next, None).await.expect_ok();
        assert_eq!(f.vault().await.guardian, g.pubkey());
        let ix = f.addrs.cancel_config(k.pubkey(), id, f.env.payer());
        f.env.send_unique(&[ix], &[&k]).await.expect_ok();
    }
);

dual_test!(the_guardian_only_tightens, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let sol = f.add_collateral(9, 100.0).await;
    let asset = f.assets[sol].addrs.asset;
    let guardian = f.user(0).await;
    enact(
        &mut f,
        ConfigChange::Guardian {
            guardian: Some(guardian.key.pubkey()),
        },
        None,
    )
    .await;
    let gk = guardian.key.pubkey();
    // Pause (each flag, then all), at once.
    for flags in [PAUSE_DEPOSITS, PAUSE_DEPOSITS | PAUSE_BORROWS, PAUSE_ALL] {
        let ix = f.addrs.set_pause(gk, flags);
        let out = f.env.send_unique(&[ix], &[&guardian.key]).await;
        out.expect_ok();
        if mode == Mode::Sbf && flags == PAUSE_ALL {
            println!("set_pause: {} CU", out.program_cu());
        }
    }
    // Loosening, each refused: unpausing, raising a cap, any timelocked change, moving the authority.
    let ix = f.addrs.set_pause(gk, PAUSE_BORROWS);
    f.env
        .send_unique(&[ix], &[&guardian.key])
        .await
        .expect_error(VaultError::UnpauseNeedsAuthority);
    let ix = f.addrs.set_pause(gk, 0);
    f.env
        .send_unique(&[ix], &[&guardian.key])
        .await
        .expect_error(VaultError::UnpauseNeedsAuthority);
    let ix = f.addrs.set_pause(gk, 8);
    f.env
        .send_unique(&[ix], &[&guardian.key])
        .await
        .expect_error(VaultError::InvalidPauseFlags);
    let cap = f.vault().await.tranches[0].deposit_cap;
    let ix = f
        .addrs
        .lower_cap(gk, CapTarget::Tranche(Senior), cap + 1, None);
    f.env
        .send_unique(&[ix], &[&guardian.key])
        .await
        .expect_error(VaultError::CapNotLowered);
    let ix = f.addrs.lower_cap(gk, CapTarget::Tranche(Senior), cap, None);
    f.env
        .send_unique(&[ix], &[&guardian.key])
        .await
        .expect_error(VaultError::CapNotLowered);
    let id = f.vault().await.next_proposal_id;
    let loosen = [
        ConfigChange::DepositCap {
            tranche: Senior,
            cap: cap * 2,
        },
        ConfigChange::Collateral {
            asset,
            params: collateral_params([0x60; 32]),
        },
        ConfigChange::TimelockDelay {
            timelock_delay_secs: 0,
        },
        ConfigChange::Guardian { guardian: None },
    ];
    for change in loosen {
        let ix = f
            .addrs
            .propose_config(f.env.payer(), gk, id, change, change.asset());
        f.env
            .send_unique(&[ix], &[&guardian.key])
            .await
            .expect_error(VaultError::NotAuthority);
    }
    let ix = f.addrs.propose_authority(gk, gk);
    f.env
        .send_unique(&[ix], &[&guardian.key])
        .await
        .expect_error(VaultError::NotAuthority);
    // Lowering caps, at once.
    let ix = f
        .addrs
        .lower_cap(gk, CapTarget::Tranche(Senior), cap / 2, None);
    let out = f.env.send_unique(&[ix], &[&guardian.key]).await;
    out.expect_ok();
    if mode == Mode::Sbf {
        println!("lower_cap: {} CU", out.program_cu());
    }
    let ix = f
        .addrs
        .lower_cap(gk, CapTarget::Collateral, 1_000, Some(asset));
    f.env.send_unique(&[ix], &[&guardian.key]).await.expect_ok();
    assert_eq!(
        (
            f.vault().await.tranches[0].deposit_cap,
            f.asset(sol).await.deposit_cap
        ),
        (cap / 2, 1_000)
    );
    // A stranger can do none of it; the authority unpauses.
    let stranger = f.user(0).await;
    let ix = f.addrs.set_pause(stranger.key.pubkey(), PAUSE_ALL);
    f.env
        .send_unique(&[ix], &[&stranger.key])
        .await
        .expect_error(VaultError::NotGuardianOrAuthority);
    let authority = f.authority.insecure_clone();
    let ix = f.addrs.set_pause(authority.pubkey(), 0);
    f.env.send_unique(&[ix], &[&authority]).await.expect_ok();
    assert_eq!(f.vault().await.pause_flags, 0);
});

// The proposal id is an argument (so that clients derive the proposal's address from the IDL): any id but the
// vault's next one is refused, before anything is created.
dual_test!(only_the_next_proposal_id_is_accepted, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let authority = f.authority.insecure_clone();
    let change = ConfigChange::ProtocolFee {
        protocol_fee_bps: 100,
    };
    let next = f.vault().await.next_proposal_id;
    for id in [next + 1, u64::MAX] {
        let ix = f
            .addrs
            .propose_config(f.env.payer(), authority.pubkey(), id, change, None);
        f.env
            .send_unique(&[ix], &[&authority])
            .await
            .expect_error(VaultError::WrongProposalId);
        assert!(f.env.account(f.addrs.proposal(id)).await.is_none());
    }
    let (id, out) = propose(&mut f, change, None).await;
    out.expect_ok();
    assert_eq!(id, next);
    // The id just used is not the next one any more.
    let ix = f
        .addrs
        .propose_config(f.env.payer(), authority.pubkey(), id, change, None);
    f.env
        .send_unique(&[ix], &[&authority])
        .await
        .expect_error(VaultError::WrongProposalId);
});

// Each pause flag on its own (and all of them) refuses exactly its action with its error and lets the other
// two through; claims, cancels, epoch closes, collateral deposits and withdrawals, repayments, liquidations and
// accrual run under every flag.
dual_test!(
    each_pause_flag_blocks_its_action_and_nothing_else,
    |mode| async move {
        for flags in [
            PAUSE_DEPOSITS,
            PAUSE_BORROWS,
            PAUSE_REDEMPTION_REQUESTS,
            PAUSE_ALL,
        ] {
            let mut f = VaultFixture::new(mode).await;
            let lp = f.user(10_000_000 * ONE).await;
            let waiting = f.user(10_000_000 * ONE).await;
            f.deposit(&lp, Junior, 500_000 * ONE).await.expect_ok();
            f.deposit(&waiting, Junior, 500_000 * ONE).await.expect_ok();
            let sol = f.add_collateral(9, 100.0).await;
            let b = f.user(10_000 * ONE).await;
            let p = f.open_position(&b, 0).await;
            f.deposit_collateral(&b, p, sol, 100 * SOL)
                .await
                .expect_ok();
            f.borrow(&b, p, 6_900 * ONE).await.expect_ok();
            // `lp` has a filled request to claim; `waiting` one still queued, to cancel.
            f.request(&lp, Junior, 10 * ONE).await.expect_ok();
            f.next_epoch().await.expect_ok();
            f.request(&waiting, Junior, 5 * ONE).await.expect_ok();
            let authority = f.authority.insecure_clone();
            let ix = f.addrs.set_pause(authority.pubkey(), flags);
            f.env.send_unique(&[ix], &[&authority]).await.expect_ok();

            let gated = |out: TxOutcome, flag: u32, err: VaultError| {
                if flags & flag != 0 {
                    out.expect_error(err);
                } else {
                    out.expect_ok();
                }
            };
            gated(
                f.deposit(&lp, Junior, 1_000 * ONE).await,
                PAUSE_DEPOSITS,
                VaultError::DepositsPaused,
            );
            gated(
                f.borrow(&b, p, ONE).await,
                PAUSE_BORROWS,
                VaultError::BorrowsPaused,
            );

            let quote = f.env.token_balance(lp.quote).await;
            f.claim(&lp, Junior).await.expect_ok();
            assert!(
                f.env.token_balance(lp.quote).await > quote,
                "flags {flags:#b}: the filled request is paid"
            );
            gated(
                f.request(&lp, Junior, ONE).await,
                PAUSE_REDEMPTION_REQUESTS,
                VaultError::RedemptionRequestsPaused,
            );
            f.cancel(&waiting, Junior).await.expect_ok();
            f.deposit_collateral(&b, p, sol, SOL).await.expect_ok();
            f.repay(&b, p, 100 * ONE).await.expect_ok();
            f.withdraw_collateral(&b, p, sol, 2 * SOL).await.expect_ok();
            f.set_price(sol, 80.0).await;
            let liq = f.user(100_000 * ONE).await;
            f.liquidate(&liq, p, sol, 1_000 * ONE).await.expect_ok();
            f.accrue().await.expect_ok();
            f.next_epoch().await.expect_ok();
            assert_eq!(f.vault().await.pause_flags, flags);
        }
    }
);

dual_test!(authority_moves_in_two_steps, |mode| async move {
    let mut f = VaultFixture::new(mode).await;
    let authority = f.authority.insecure_clone();
    let next = Keypair::new();
    let wrong = Keypair::new();
    let ix = f.addrs.accept_authority(next.pubkey());
    f.env
        .send_unique(&[ix], &[&next])
        .await
        .expect_error(VaultError::NoPendingAuthority);
    let ix = f.addrs.propose_authority(authority.pubkey(), next.pubkey());
    f.env.send_unique(&[ix], &[&authority]).await.expect_ok();
    assert_eq!(
        f.vault().await.authority,
        authority.pubkey(),
        "nothing moves before acceptance"
    );
    let ix = f.addrs.accept_authority(wrong.pubkey());
    f.env
        .send_unique(&[ix], &[&wrong])
        .await
        .expect_error(VaultError::NotPendingAuthority);
    let ix = f.addrs.accept_authority(next.pubkey());
    f.env.send_unique(&[ix], &[&next]).await.expect_ok();
    let v = f.vault().await;
    assert_eq!(
        (v.authority, v.pending_authority),
        (next.pubkey(), Pubkey::default())
    );
    // The old authority has lost its powers.
    let (_, out) = propose(
        &mut f,
        ConfigChange::ProtocolFee {
            protocol_fee_bps: 0,
        },
        None,
    )
    .await;
    out.expect_error(VaultError::NotAuthority);
});

dual_test!(a_pda_authority_governs_by_cpi, |mode| async move {
    // A vault created and governed by a program-derived address (a stand-in Squads vault): no key exists for
    // it; its program signs each instruction by `invoke_signed`.
    let mut env = TestEnv::new(mode).await;
    let pda = multisig_authority();
    let quote = env.create_mint(anchor_spl::token::spl_token::ID, 6).await;
    let b = vault_builder(env.payer(), pda, quote, anchor_spl::token::spl_token::ID);
    let create: Vec<_> = b.instructions().into_iter().map(via_multisig).collect();
    env.send(&create, &[]).await.expect_ok();
    let a = b.addresses();
    let change = ConfigChange::ProtocolFee {
        protocol_fee_bps: 2_000,
    };
    let ix = a.propose_config(env.payer(), pda, 0, change, None);
    // Without the multisig, nobody can sign for the PDA.
    let mut unsigned = ix.clone();
    for m in unsigned.accounts.iter_mut().filter(|m| m.pubkey == pda) {
        m.is_signer = false;
    }
    env.send_unique(&[unsigned], &[])
        .await
        .expect_error(AnchorErrorCode::AccountNotSigner);
    env.send_unique(&[via_multisig(ix)], &[]).await.expect_ok();
    env.warp(DELAY).await;
    env.send_unique(&[a.close_epoch(env.payer(), [0; 3])], &[])
        .await
        .expect_ok();
    env.send_unique(&[a.execute_config(0, env.payer(), None)], &[])
        .await
        .expect_ok();
    let v: tranche_vault::state::Vault = env.anchor_account(a.vault).await;
    assert_eq!((v.authority, v.protocol_fee_bps), (pda, 2_000));
    // It pauses, and hands over to another authority in two steps.
    env.send_unique(&[via_multisig(a.set_pause(pda, PAUSE_DEPOSITS))], &[])
        .await
        .expect_ok();
    let next = Keypair::new();
    env.send_unique(
        &[via_multisig(a.propose_authority(pda, next.pubkey()))],
        &[],
    )
    .await
    .expect_ok();
    env.send_unique(&[a.accept_authority(next.pubkey())], &[&next])
        .await
        .expect_ok();
    let v: tranche_vault::state::Vault = env.anchor_account(a.vault).await;
    assert_eq!(
        (v.authority, v.pause_flags),
        (next.pubkey(), PAUSE_DEPOSITS)
    );
});
