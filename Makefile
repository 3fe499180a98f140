# Tranche Vault: every entry point. `make demo` and `make test` are the README's two commands.
SHELL := /bin/bash
CARGO_TEST_ENV := RUST_LOG=error
## How long the CLI's first build takes on 2 cores (a fresh clone's `make demo` at a1b4863: the CLI in 5 min 32 s
## beside the SBF build, the first line of the demo at 10 min 13 s).
CLI_FIRST_BUILD := 6 min, beside the SBF build,
PROGRAMS := tranche_vault i128_probe stand_in_multisig

.PHONY: demo cli test sbf validator sdk web web-deps e2e web-screenshot test-native test-sbf bench fuzz fuzz-controls idl idl-check lint fmt

## The main job: the embedded demo (the SBF program in LiteSVM: tranches, loans, a crash, the liquidator, the loss
## waterfall). `make demo ARGS="--crash-pct 40 --seed 7 --json"` passes options. The SBF build and the CLI's build
## run side by side (each leaves idle what the other's serial steps cannot use), each showing its progress.
demo:
	@$(MAKE) --no-print-directory -j2 sbf cli
	$(CARGO_TEST_ENV) target/debug/tranche demo $(ARGS)

## target/debug/tranche, with cargo's progress shown (its first build is the longest step of a first `make demo`).
cli:
	@[ -x target/debug/tranche ] || echo "[cli] first build of the tranche CLI (about $(CLI_FIRST_BUILD) on 2 cores; cargo's progress follows)"
	cargo build --locked -p tranche-cli

## Tests that need something from outside the repository skip (saying SKIPPED) when it is absent, except what
## TRANCHE_NO_SKIP names: then they fail. `make test` names the validator, which it always builds, and the Pyth
## fixtures whenever $(SHARED_DIR) has them (they are read in place and never part of the repository).
SHARED_DIR := $(abspath $(or $(TRANCHE_SHARED_DIR),../shared))
COMMA := ,
NO_SKIP := validator$(if $(wildcard $(SHARED_DIR)/fixtures/pyth/decoded.json),$(COMMA)pyth-fixtures)

## All tests (tools/test.sh): fmt, the SBF build, the workspace's tests built through clippy -D warnings and run
## natively and on SBF, the liquidator bot against a real local validator (built in the background meanwhile),
## the TypeScript SDK (type check and its tests on litesvm), committed IDL (and the SDK's type of it) and README
## CU table up to date. Each phase prints its time; the last line counts passed, failed and skipped tests.
test:
	@echo "TRANCHE_NO_SKIP=$(NO_SKIP)$(if $(findstring pyth,$(NO_SKIP)),, ($(SHARED_DIR)/fixtures/pyth absent: the Pyth fixture tests will skip))"
	TRANCHE_SHARED_DIR=$(SHARED_DIR) TRANCHE_NO_SKIP=$(NO_SKIP) tools/test.sh

## SBF bytecode: target/deploy/{tranche_vault,i128_probe}.so (official cargo build-sbf when installed); always with
## the default features (a stray SBF_FEATURES, which only tools/fuzz/controls.sh sets, is dropped).
sbf:
	env -u SBF_FEATURES tools/sbf/build-program.sh $(PROGRAMS)

## tranche-validator (tools/validator: solana-test-validator 3.1.12's library), into ~/.cache/tranche-vault-validator
## (VALIDATOR_CACHE); a no-op check once built.
validator:
	tools/validator/build.sh

test-native: sbf
	$(CARGO_TEST_ENV) cargo test --locked --workspace -- native

test-sbf: sbf
	$(CARGO_TEST_ENV) cargo test --locked --workspace -- sbf i128

## The whole-program fuzzer (fuzz/, LiteSVM): FUZZ_ACTIONS (default 1,000,000) actions on every core from FUZZ_SEED
## (default 1); prints actions/s, actions by kind, refusals by error, checks; writes target/fuzz/last-run.json and,
## when it passes, the README's figures. On a violation: the seed and the shrunk failing sequence.
fuzz: sbf
	cargo build --locked -q -p tranche-fuzz
	@mkdir -p target/fuzz
	target/debug/tranche-fuzz --json target/fuzz/last-run.json --readme README.md

## The fuzzer's negative controls: three known bugs put back, one .so each (target/deploy/controls/), each must be
## caught by a default run (tools/fuzz/controls.sh).
fuzz-controls: sbf
	tools/fuzz/controls.sh

## target/bench/cu.json + the README table.
bench: sbf
	$(CARGO_TEST_ENV) cargo test --locked --workspace --test bench -- --update-readme

## Where the compute units go: each phase of deposit, accrue, close_epoch, borrow and liquidate, between the program's
## cu_mark!s, on a .so built with its cu-profile feature (tools/sbf/cu-profile.sh; the release .so is untouched).
.PHONY: cu-profile
cu-profile: sbf
	tools/sbf/cu-profile.sh

## `tranche risk` in an optimized build of its own (release without LTO, 16 codegen units, in target/risk-bench;
## `make test` never builds it): a synthetic pool of 2,000 loans, 2,000 paths of 30 steps, the base run and the
## correlation stress; prints position-steps per second.
.PHONY: risk-bench risk-plots
RISK_BENCH_PROFILE := --profile risk-bench --config 'profile.risk-bench.inherits="release"' \
	--config profile.risk-bench.lto=false --config profile.risk-bench.codegen-units=16 \
	--config profile.risk-bench.incremental=false
## It writes its last line into the README (between the risk-bench markers).
RISK_BENCH_ARGS := risk --positions 2000 --paths 2000 --greeks none
risk-bench:
	@mkdir -p target/risk-bench
	$(CARGO_TEST_ENV) cargo run --locked -q -p tranche-cli $(RISK_BENCH_PROFILE) -- $(RISK_BENCH_ARGS) \
	  | tee target/risk-bench/last-run.txt
	@line=$$(grep 'position-steps/s' target/risk-bench/last-run.txt) && python3 -c 'import re,sys; \
	  p="README.md"; s=open(p).read(); b="<!-- risk-bench:begin -->"; e="<!-- risk-bench:end -->"; \
	  assert b in s and e in s, "README has no risk-bench block"; \
	  new = b + "\nLast `make risk-bench` (`tranche $(RISK_BENCH_ARGS)`, optimized build, generated by it): " \
	  + sys.argv[1] + ".\n" + e; \
	  open(p, "w").write(s[:s.index(b)] + new + s[s.index(e) + len(e):])' "$$line"
	@echo "README.md: risk-bench figure updated"

## docs/risk/*.svg, the README's charts: `tranche risk --embedded` on the demo's pool (before its crash) over
## 180 days at 100 % volatility.
RISK_PLOT_ARGS := --horizon-days 180 --steps 60 --vols 1.0 --paths 2000 --greeks none
risk-plots: sbf
	$(CARGO_TEST_ENV) cargo run --locked -q -p tranche-cli -- risk --embedded $(RISK_PLOT_ARGS) --plot docs/risk

## The TypeScript SDK's packages (app/sdk, from its package-lock.json; again only when the lock file changes).
SDK_MODULES := app/sdk/node_modules/.package-lock.json
sdk: $(SDK_MODULES)
$(SDK_MODULES): app/sdk/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node 20) is needed for app/sdk"; exit 1; }
	cd app/sdk && npm ci --no-audit --no-fund

## The web app's packages (app/web, from its package-lock.json; again only when the lock file changes), and the SDK's:
## the app compiles the SDK from its source (app/sdk/src), whose imports resolve in app/sdk/node_modules.
WEB_MODULES := app/web/node_modules/.package-lock.json
web-deps: $(SDK_MODULES) $(WEB_MODULES)
$(WEB_MODULES): app/web/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node 20) is needed for app/web"; exit 1; }
	cd app/web && npm ci --no-audit --no-fund

## The depositor web app against a local validator: the SBF build and the validator (built once), then
## `tranche localnet` (the demo vault preloaded, a funded test keypair) on port 8899 and the app's dev server on 5173
## pointed at it. Prints the URL; Ctrl-C stops both. PORT=... and RPC_PORT=... move them.
web: sbf validator web-deps
	cargo build --locked -q -p tranche-cli
	cd app/web && npm run --silent web

## The web app's end-to-end test: Debian's headless Chromium (installed by tools/web/install-chromium.sh) driven by
## playwright-core against `tranche localnet`; a screenshot of each step in target/e2e/. (`make test` runs it.)
e2e: sbf validator web-deps
	cargo build --locked -q -p tranche-cli
	cd app/web && CHROMIUM_PATH="$$(../../tools/web/install-chromium.sh)" npm run --silent e2e

## docs/web-app.png, the README's screenshot, refreshed from the end-to-end test's.
WEB_SCREENSHOT := target/e2e/07-history-chart-pool.png
web-screenshot: e2e
	cp $(WEB_SCREENSHOT) docs/web-app.png

## idl/tranche_vault.json from the program (anchor idl build equivalent), and the SDK's app/sdk/src/idl.ts from it.
IDL_CLI ?= cargo run --locked -q -p tranche-cli --
idl: sdk
	$(IDL_CLI) idl
	cd app/sdk && node tools/gen-idl.mjs

idl-check: sdk
	$(IDL_CLI) idl --check
	cd app/sdk && node tools/gen-idl.mjs --check

lint:
	cargo fmt --all --check
	cargo fmt --all --check --manifest-path tools/validator/Cargo.toml
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked -p tranche_vault_tests --test bench -- -D warnings  # test = false: not in --all-targets

fmt:
	cargo fmt --all
	cargo fmt --all --manifest-path tools/validator/Cargo.toml
