#!/usr/bin/env bash
# Build tranche-validator (tools/validator: agave's solana-test-validator library 3.1.12 behind the arguments the
# workspace passes) into a cache outside the repo.
#
#   tools/validator/build.sh            # -> $VALIDATOR_CACHE/bin/tranche-validator
#   tools/validator/build.sh --packages # only the Debian packages it needs (make test runs this first, in the
#                                       # foreground, so no other apt-get runs beside the background build's)
#
# VALIDATOR_CACHE defaults to ~/.cache/tranche-vault-validator; the build's target directory is its target/, so a
# later run is cargo's no-op check (about a second). Needs the Debian packages below (installed with apt-get when
# missing): clang for rocksdb's bindings, protoc for two build scripts (tools/validator/protobuf-src).
#
# It is built unoptimized and without debug info (tools/validator/Cargo.toml): the test it serves sends a few dozen
# transactions, and an unoptimized validator starts in about 35 s instead of 15-20 s and runs them as well.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${VALIDATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tranche-vault-validator}
BIN=$CACHE/bin/tranche-validator
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
[ -x "$BIN" ] || echo "[validator] building tranche-validator (solana-test-validator 3.1.12's library) into $CACHE" \
  "(about 15 min on 2 cores alone, once; cargo's progress follows)"
# Its own crates through clippy -D warnings (as tools/test.sh builds the workspace's): linted in the one build.
RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__" \
  cargo build --locked --manifest-path "$HERE/Cargo.toml" --target-dir "$CACHE/target"
mkdir -p "$CACHE/bin"
# A copy, not a link: a binary that is running (an earlier localnet) can still be replaced.
cp "$CACHE/target/debug/tranche-validator" "$BIN.tmp" && mv "$BIN.tmp" "$BIN"
echo "[validator] ready: $BIN ($("$BIN" --version)) in $(( SECONDS - s ))s"
