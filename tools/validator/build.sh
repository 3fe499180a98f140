#!/usr/bin/env bash
# Build solana-test-validator 3.1.12 from crates.io (package agave-validator), once, into a cache outside the repo.
#
#   tools/validator/build.sh            # -> $VALIDATOR_CACHE/bin/solana-test-validator
#   tools/validator/build.sh --packages # only the Debian packages it needs (make test runs this first, in the
#                                       # foreground, so no other apt-get runs beside the background build's)
#
# VALIDATOR_CACHE defaults to ~/.cache/tranche-vault-validator. Later runs return at once. Needs the Debian
# packages below (installed with apt-get when missing).
#
# It is built unoptimized and without debug info (`--debug`, CARGO_PROFILE_DEV_DEBUG=0): 10 min 19 s on 2 cores
# here, against 15 min 48 s at opt-level 1 and 16 min 37 s for the release build (which also links
# agave-validator). The test it serves sends a dozen transactions; the unoptimized validator starts in about
# 35 s instead of 15-20 s and runs them as well.
set -euo pipefail
CACHE=${VALIDATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tranche-vault-validator}
BIN=$CACHE/bin/solana-test-validator
if [ "${1:-}" != --packages ] && [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
  echo "[validator] ready: $BIN ($("$BIN" --version))"
  exit 0
fi
PKGS="libclang-dev clang libudev-dev protobuf-compiler pkg-config libssl-dev"
missing=$(for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "[validator] installing Debian packages: $missing"
  $SUDO apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 || {
    $SUDO apt-get update >/dev/null
    $SUDO apt-get install -y --no-install-recommends $missing
  }
fi
[ "${1:-}" = --packages ] && exit 0
s=$SECONDS
echo "[validator] building solana-test-validator 3.1.12 from crates.io into $CACHE (about 10 min on 2 cores, once)"
CARGO_PROFILE_DEV_DEBUG=0 cargo install agave-validator --version 3.1.12 --locked --debug \
  --bin solana-test-validator --root "$CACHE"
echo "[validator] ready: $BIN in $(( SECONDS - s ))s"
