//! `make test`'s short fuzz: 20,000 seeded actions on the SBF build, every check after each, 0 violations; and
//! the run is not vacuous (loans, liquidations, redemptions and governance all succeed in it).

use tranche_fuzz::{run, Config};

#[test]
fn twenty_thousand_seeded_actions_pass_every_check() {
    let so = embedded_chain::read_program("tranche_vault");
    let cfg = Config {
        seed: 20_261_201,
        actions: 20_000,
        episode: tranche_fuzz::EPISODE,
        time_limit: None,
    };
    let r = run(&so, &cfg, &|_| {}).expect("the world sets up");
    if let Some(v) = &r.violation {
        panic!(
            "violation of `{}` at action {} (seed {}): {}\nreplay: FUZZ_SEED={} FUZZ_ACTIONS={} FUZZ_THREADS=1 make fuzz",
            v.check, v.step, cfg.seed, v.detail, cfg.seed, cfg.actions
        );
    }
    assert_eq!(r.actions, 20_000);
    assert_eq!(r.worlds, 2, "two worlds of 10,000 actions");
    assert_eq!(
        r.checks, 20_002,
        "every action checked, and each world before its first"
    );
    let succeeded = |k: &str| r.by_kind.get(k).map_or(0, |(n, refused)| n - refused);
    for kind in [
        "deposit",
        "borrow",
        "repay",
        "liquidate",
        "request_redeem",
        "claim_redeem",
        "close_epoch",
        "execute_config",
    ] {
        assert!(
            succeeded(kind) > 0,
            "no successful {kind} in the short run: {:?}",
            r.by_kind
        );
    }
}
