#!/usr/bin/env bash
# The fuzzer's negative controls (`make fuzz-controls`): for each known bug, a .so with it put back (a cargo
# feature of the program, never in the release build) in target/deploy/controls/, and a default fuzz run that must
# find it (tranche-fuzz --expect-violation <check>: exit 0 only if that check fails).
#
#   tools/fuzz/controls.sh [control ...]     # default: all three
#
# The release .so is kept aside during the control builds and put back after each, so target/deploy/tranche_vault.so
# is always the real program. FUZZ_ACTIONS (default 200000) and FUZZ_SEED apply to each control's run.
set -euo pipefail
cd "$(dirname "$0")/../.."
declare -A CHECK=(
  [control-18-decimals]="liveness"
  [control-unpinned-oracle]="borrowing within max LTV at the pinned prices"
  [control-deposit-rounding]="shares minted"
)
CONTROLS=("$@")
[ ${#CONTROLS[@]} -gt 0 ] || CONTROLS=(control-18-decimals control-unpinned-oracle control-deposit-rounding)
SO=target/deploy/tranche_vault.so
mkdir -p target/deploy/controls target/fuzz
[ -f "$SO" ] || tools/sbf/build-program.sh tranche_vault
cp -p "$SO" target/deploy/controls/release.so
restore() { cp -p target/deploy/controls/release.so "$SO"; }
trap restore EXIT
cargo build --locked -q -p tranche-fuzz
for c in "${CONTROLS[@]}"; do
  [ -n "${CHECK[$c]:-}" ] || { echo "unknown control $c (one of ${!CHECK[*]})" >&2; exit 2; }
  echo "[controls] $c: building the .so with the bug put back"
  SBF_FEATURES=$c tools/sbf/build-program.sh tranche_vault
  mv "$SO" "target/deploy/controls/$c.so"
  restore
  echo "[controls] $c: fuzzing it; must fail \`${CHECK[$c]}\`"
  FUZZ_ACTIONS=${FUZZ_ACTIONS:-200000} target/debug/tranche-fuzz --program "target/deploy/controls/$c.so" \
    --expect-violation "${CHECK[$c]}" 2>&1 | tee "target/fuzz/$c.log" | grep -E '^\[fuzz\] (VIOLATION|control|shrinking|the shortest)|actions \(' 
done
echo "[controls] every control caught"
