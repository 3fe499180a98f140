# Tranche Vault: every entry point. `make demo` and `make test` are the README's two commands.
SHELL := /bin/bash
CARGO_TEST_ENV := RUST_LOG=error
PROGRAMS := tranche_vault i128_probe

.PHONY: demo test sbf validator sdk test-native test-sbf bench idl idl-check lint fmt

## The main job: the embedded demo (the SBF program in solana-program-test: tranches, loans, a crash, the
## liquidator, the loss waterfall). `make demo ARGS="--crash-pct 40 --seed 7 --json"` passes options.
demo: sbf
	$(CARGO_TEST_ENV) cargo run --locked -q -p tranche-cli -- demo $(ARGS)

## Tests that need something from outside the repository skip (saying SKIPPED) when it is absent, except what
## TRANCHE_NO_SKIP names: then they fail. `make test` names the validator, which it always builds, and the Pyth
## fixtures whenever $(SHARED_DIR) has them (they are read in place and never part of the repository).
SHARED_DIR := $(abspath $(or $(TRANCHE_SHARED_DIR),../shared))
COMMA := ,
NO_SKIP := validator$(if $(wildcard $(SHARED_DIR)/fixtures/pyth/decoded.json),$(COMMA)pyth-fixtures)

## All tests: lint, native + SBF suites, the liquidator bot against a real local validator, the TypeScript SDK
## (type check and its tests on litesvm), committed IDL (and the SDK's type of it) and README CU table up to date.
test: lint sbf idl-check validator
	$(CARGO_TEST_ENV) cargo test --locked -p tranche_vault_tests --test bench -- --check-readme
	@mkdir -p target
	@echo "TRANCHE_NO_SKIP=$(NO_SKIP)$(if $(findstring pyth,$(NO_SKIP)),, ($(SHARED_DIR)/fixtures/pyth absent: the Pyth fixture tests will skip))"
	set -o pipefail; TRANCHE_SHARED_DIR=$(SHARED_DIR) TRANCHE_NO_SKIP=$(NO_SKIP) $(CARGO_TEST_ENV) cargo test --locked --workspace 2>&1 | tee target/test.log
	set -o pipefail; cd app/sdk && npm test 2>&1 | tee -a ../../target/test.log
	@awk '/^test result:/ {p += $$4; f += $$6} /^# pass / {p += $$3} /^# fail / {f += $$3} /^SKIPPED:/ {s++} END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' target/test.log

## SBF bytecode: target/deploy/{tranche_vault,i128_probe}.so (official cargo build-sbf when installed).
sbf:
	tools/sbf/build-program.sh $(PROGRAMS)

## solana-test-validator 3.1.12 from crates.io, once, into ~/.cache/tranche-vault-validator (VALIDATOR_CACHE).
validator:
	tools/validator/build.sh

test-native:
	$(CARGO_TEST_ENV) cargo test --locked --workspace -- native

test-sbf: sbf
	$(CARGO_TEST_ENV) cargo test --locked --workspace -- sbf i128

## target/bench/cu.json + the README table.
bench: sbf
	$(CARGO_TEST_ENV) cargo test --locked -p tranche_vault_tests --test bench -- --update-readme

## The TypeScript SDK's packages (app/sdk, from its package-lock.json; again only when the lock file changes).
SDK_MODULES := app/sdk/node_modules/.package-lock.json
sdk: $(SDK_MODULES)
$(SDK_MODULES): app/sdk/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node 20) is needed for app/sdk"; exit 1; }
	cd app/sdk && npm ci --no-audit --no-fund

## idl/tranche_vault.json from the program (anchor idl build equivalent), and the SDK's app/sdk/src/idl.ts from it.
idl: sdk
	cargo run --locked -q -p tranche-cli -- idl
	cd app/sdk && node tools/gen-idl.mjs

idl-check: sdk
	cargo run --locked -q -p tranche-cli -- idl --check
	cd app/sdk && node tools/gen-idl.mjs --check

lint:
	cargo fmt --all --check
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked -p tranche_vault_tests --test bench -- -D warnings  # test = false: not in --all-targets

fmt:
	cargo fmt --all
