#!/usr/bin/env bash
# The fuzzer's negative controls (`make fuzz-controls`): for each known bug, a .so with it put back (a cargo
# feature of the program, never in the release build) in target/deploy/controls/, and a default fuzz run that must
# find it (tranche-fuzz --expect-violation <check>: exit 0 only if that check fails).
#
#   tools/fuzz/controls.sh [control ...]     # default: all three
#
# tools/sbf/build-variant.sh builds each, keeping target/deploy/tranche_vault.so the real program. FUZZ_ACTIONS (default 200000) and FUZZ_SEED apply to each control's run.
set -euo pipefail
cd "$(dirname "$0")/../.."
declare -A CHECK=(
  [control-18-decimals]="liveness"
  [control-unpinned-oracle]="borrowing within max LTV at the pinned prices"
  [control-deposit-rounding]="shares minted"
)
CONTROLS=("$@")
[ ${#CONTROLS[@]} -gt 0 ] || CONTROLS=(control-18-decimals control-unpinned-oracle control-deposit-rounding)
mkdir -p target/fuzz
cargo build --locked -q -p tranche-fuzz
for c in "${CONTROLS[@]}"; do
  [ -n "${CHECK[$c]:-}" ] || { echo "unknown control $c (one of ${!CHECK[*]})" >&2; exit 2; }
  echo "[controls] $c: building the .so with the bug put back"
  tools/sbf/build-variant.sh "$c" "target/deploy/controls/$c.so"
  echo "[controls] $c: fuzzing it; must fail \`${CHECK[$c]}\`"
  FUZZ_ACTIONS=${FUZZ_ACTIONS:-200000} target/debug/tranche-fuzz --program "target/deploy/controls/$c.so" \
    --expect-violation "${CHECK[$c]}" 2>&1 | tee "target/fuzz/$c.log" | grep -E '^\[fuzz\] (VIOLATION|control|shrinking|the shortest)|actions \(' 
done
echo "[controls] every control caught"
