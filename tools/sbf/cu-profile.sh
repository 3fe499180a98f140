#!/usr/bin/env bash
# `make cu-profile`: the compute units of each phase of the hot instructions (deposit, accrue, close_epoch,
# borrow, liquidate). Builds the program with its `cu-profile` feature (each `cu_mark!` logs the units left) into
# target/deploy/profile/tranche_vault.so, then runs the bench's actions on it (`bench -- --profile`), which prints
# a table for each profiled row and writes target/bench/cu-profile.json.
#
# tools/sbf/build-variant.sh builds it, keeping target/deploy/tranche_vault.so the real program. A mark costs
# about 200 CU (two syscalls), counted in the phase it ends; run `make bench` first and each table also gives the
# release build's figure and the cost a mark.
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "[cu-profile] building the .so with the program's cu_mark!s (feature cu-profile)"
tools/sbf/build-variant.sh cu-profile target/deploy/profile/tranche_vault.so
TRANCHE_VAULT_SO="$PWD/target/deploy/profile/tranche_vault.so" RUST_LOG=error \
  cargo test --locked -p tranche_vault_tests --test bench -- --profile
