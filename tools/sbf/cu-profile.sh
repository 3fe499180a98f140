#!/usr/bin/env bash
# `make cu-profile`: the compute units of each phase of the hot instructions (deposit, accrue, close_epoch,
# borrow, liquidate). Builds the program with its `cu-profile` feature (each `cu_mark!` logs the units left) into
# target/deploy/profile/tranche_vault.so, then runs the bench's actions on it (`bench -- --profile`), which prints
# a table a profiled row and writes target/bench/cu-profile.json.
#
# The release .so is kept aside during the build and put back after it, so target/deploy/tranche_vault.so is always
# the real program. A mark costs about 200 CU (two syscalls), counted in the phase it ends; run `make bench` first
# and each table also gives the release build's figure and the cost a mark.
set -euo pipefail
cd "$(dirname "$0")/../.."
SO=target/deploy/tranche_vault.so
mkdir -p target/deploy/profile
[ -f "$SO" ] || tools/sbf/build-program.sh tranche_vault
cp -p "$SO" target/deploy/profile/release.so
restore() { cp -p target/deploy/profile/release.so "$SO"; }
trap restore EXIT
echo "[cu-profile] building the .so with the program's cu_mark!s (feature cu-profile)"
SBF_FEATURES=cu-profile tools/sbf/build-program.sh tranche_vault
mv "$SO" target/deploy/profile/tranche_vault.so
restore
TRANCHE_VAULT_SO="$PWD/target/deploy/profile/tranche_vault.so" RUST_LOG=error \
  cargo test --locked -p tranche_vault_tests --test bench -- --profile
