#!/usr/bin/env bash
# A variant of the program: tranche_vault built with cargo features <features> into <dest.so>. The release .so,
# target/deploy/tranche_vault.so, is kept aside during the build and put back after it, so it always stays the
# real program. Used by the fuzzer's negative controls (tools/fuzz/controls.sh) and the compute-unit profile
# (tools/sbf/cu-profile.sh).
#
#   tools/sbf/build-variant.sh <features> <dest.so>
set -euo pipefail
[ $# -eq 2 ] || { sed -n 2,7p "$0"; exit 2; }
cd "$(dirname "$0")/../.."
SO=target/deploy/tranche_vault.so
KEPT=target/deploy/.release-kept.so
[ -f "$SO" ] || tools/sbf/build-program.sh tranche_vault
mkdir -p "$(dirname "$2")"
cp -p "$SO" "$KEPT"
trap 'mv "$KEPT" "$SO"' EXIT
SBF_FEATURES=$1 tools/sbf/build-program.sh tranche_vault
mv "$SO" "$2"
