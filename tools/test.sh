#!/usr/bin/env bash
# `make test`: every check, ordered so a fresh machine finishes soon. Each phase prints its time.
#
# - The validator (a long build on a fresh machine, once; tools/validator/build.sh) builds in the background from
#   the start, at the same priority as the rest: it is the longest path of a fresh run (a fresh clone's make test
#   at a1b4863, with it at nice 10, waited 16 min for it after everything else had finished). Only the tests named
#   `*on_a_local_validator` need it; every other test runs before the wait (a test that needs it under another
#   name fails there, since TRANCHE_NO_SKIP names the validator).
# - The web app's end-to-end test (app/web/e2e) runs last: it needs the `tranche` binary the workspace build
#   makes, the validator and Chromium.
# - Lints cost no second pass over the dependencies: the workspace's own crates compile through clippy-driver
#   (RUSTC_WORKSPACE_WRAPPER, as `cargo clippy` does, with -D warnings) in the very build that the tests run, so
#   the dependency graph compiles once instead of once for clippy and once for the tests.
#
# Environment: TRANCHE_SHARED_DIR and TRANCHE_NO_SKIP (from the Makefile), VALIDATOR_CACHE, SBF_ENV.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
T0=$SECONDS
phase() { echo "[test] $1 ($(( SECONDS - T0 ))s)"; }

phase "cargo fmt --check"
cargo fmt --all --check
cargo fmt --all --check --manifest-path tools/validator/Cargo.toml

phase "the validator (tools/validator): its Debian packages, then its build in the background (log: target/validator-build.log)"
tools/validator/build.sh --packages
# Its own process group (job control on for this one job), so that stopping the tests stops its cargo too; the same
# session, so that the scheduler weighs it against the rest as one more job (a new session is its own autogroup).
set -m
tools/validator/build.sh > target/validator-build.log 2>&1 &
VALIDATOR_PID=$!
set +m
trap 'kill -- -$VALIDATOR_PID 2>/dev/null || true' EXIT

phase "SBF build"
make --no-print-directory sbf

phase "SDK packages (npm ci)"
make --no-print-directory sdk

phase "web app packages (npm ci) and Chromium (Debian's chromium-headless-shell, apt-get)"
make --no-print-directory web-deps
CHROMIUM_PATH=$(tools/web/install-chromium.sh)
export CHROMIUM_PATH

# clippy-driver for the workspace's crates only; CLIPPY_ARGS is how cargo-clippy hands it -D warnings.
export RUSTC_WORKSPACE_WRAPPER=clippy-driver
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
export RUST_LOG=error
phase "build and lint (clippy -D warnings) the workspace's tests, the bench included"
# Always `--workspace`, never `-p`: one package alone unifies other features, and the program crate (a cdylib,
# whose file name has no hash) would be rebuilt back and forth between the two sets.
cargo test --locked --workspace --no-run
cargo test --locked --workspace --test bench --no-run

phase "IDL and the SDK's type of it are fresh"
# The CLI binary the workspace build just made; the IDL build itself is plain rustc in its own target dir.
env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS make --no-print-directory idl-check IDL_CLI=target/debug/tranche

phase "benchmarks match the README's table"
cargo test --locked --workspace --test bench -- --check-readme

set -o pipefail
phase "the tests that need no validator (the workspace's, the SDK's on litesvm), while it builds"
cargo test --locked --workspace -- --skip on_a_local_validator 2>&1 | tee target/test.log
(cd app/sdk && npm test) 2>&1 | tee -a target/test.log

phase "waiting for the validator build"
if ! wait $VALIDATOR_PID; then
  tail -40 target/validator-build.log
  echo "[test] the validator build failed (target/validator-build.log)" >&2
  exit 1
fi
trap - EXIT
tail -1 target/validator-build.log

phase "the tests on a local validator (TRANCHE_NO_SKIP=${TRANCHE_NO_SKIP:-})"
cargo test --locked --workspace --tests -- on_a_local_validator 2>&1 | tee -a target/test.log
phase "web app: type check, then end to end in headless Chromium against tranche localnet (screenshots: target/e2e/)"
(cd app/web && npm run --silent e2e) 2>&1 | tee -a target/test.log
phase "done"
awk '/^test result:/ {p += $4; f += $6} /^# pass / {p += $3} /^# fail / {f += $3} /^SKIPPED:/ {s++}
     END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' target/test.log
