#!/usr/bin/env bash
# Build solana-test-validator 3.1.12 (and agave-validator) from crates.io, once, into a cache outside the repo.
#
#   tools/validator/build.sh            # -> $VALIDATOR_CACHE/bin/solana-test-validator
#
# VALIDATOR_CACHE defaults to ~/.cache/tranche-vault-validator. About 25 min on 2 cores and 1 GB of RAM the
# first time; later runs return at once. Needs the Debian packages below (installed with apt-get when missing).
set -euo pipefail
CACHE=${VALIDATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tranche-vault-validator}
BIN=$CACHE/bin/solana-test-validator
if [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
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
s=$SECONDS
echo "[validator] building agave-validator 3.1.12 from crates.io into $CACHE (about 25 min on 2 cores, once)"
cargo install agave-validator --version 3.1.12 --locked --root "$CACHE"
echo "[validator] ready: $BIN in $(( SECONDS - s ))s"
