#!/usr/bin/env bash
# Registry-only SBF toolchain for Tranche Vault (no Solana platform-tools, no GitHub).
#
#   tools/sbf/setup-env.sh [ENV_DIR]      default: ${SBF_ENV:-${XDG_CACHE_HOME:-$HOME/.cache}/tranche-vault-sbf}
#
# Builds, once, into ENV_DIR (outside the repository, reused by every later run):
#   1. Debian rustc-web/cargo-web 1.96 + rust-web-src, libllvm22/llvm-22 (for llvm-as), unpacked with dpkg-deb
#      into a private prefix: nothing is installed system-wide.
#   2. std 1.96 source patched for target_os = "solana" (patch-std.py beside this file).
#   3. The LLVM 23 static SDK with the BPF backend, from the PyPI wheels mlc-llvm-static(-extra-targets).
#   4. sbpf-linker 0.2.6 from crates.io, patched with --v0-stack-frame-gaps (agave 3.1.x maps v0 stack frames
#      with gaps; the stock linker's stack-passed arguments fault there), statically linked against LLVM 23.
#   5. env.sh and the custom target JSON bpfel-unknown-solana.json.
# Each step prints its time; a step whose output is present is skipped. Every download is by package name from
# the Debian, PyPI and crates.io registries.
set -euo pipefail
HERE=$(dirname "$(readlink -f "$0")")
W=${1:-${SBF_ENV:-${XDG_CACHE_HOME:-$HOME/.cache}/tranche-vault-sbf}}
mkdir -p "$W"/{debs,logs}; W=$(readlink -f "$W"); cd "$W"
J=${JOBS:-$(nproc)}
RUST_V=1.96.0+dfsg1-1~deb12u2
LLVM_V=1:22.1.8-1~deb12u1
LLVM23_V=23.1.1.post0
LINKER_V=0.2.6

die() { echo "setup-env: $*" >&2; exit 1; }
step() { # step NAME FUNC
  local s=$SECONDS; echo "[sbf-env] $1 ..."
  "$2"
  echo "[sbf-env] $1 done in $(( SECONDS - s ))s"
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

DEBS="rustc-web=$RUST_V cargo-web=$RUST_V libstd-rust-web-1.96=$RUST_V libstd-rust-web-dev=$RUST_V
  rust-web-src=$RUST_V libllvm22=$LLVM_V llvm-22=$LLVM_V libgit2-1.5 libmbedtls14 libmbedx509-1 libmbedcrypto7
  libhttp-parser2.9 libzstd-dev"

step_debs() {
  command -v apt-get >/dev/null || die "apt-get not found: this route needs a Debian bookworm machine"
  command -v dpkg-deb >/dev/null || die "dpkg-deb not found"
  # shellcheck disable=SC2086
  if ! ( cd debs && apt-get download $DEBS >"$W/logs/apt-download.log" 2>&1 ); then
    echo "[sbf-env] apt-get download failed; refreshing the package lists (apt-get update) and retrying"
    as_root apt-get update >"$W/logs/apt-update.log" 2>&1 || die "apt-get update failed (see $W/logs/apt-update.log)"
    # shellcheck disable=SC2086
    ( cd debs && apt-get download $DEBS >"$W/logs/apt-download.log" 2>&1 ) || {
      grep -E "^E:" "$W/logs/apt-download.log" >&2 || true
      die "a Debian package is missing from the registry: need $DEBS (log: $W/logs/apt-download.log)"; }
  fi
  rm -rf deb-root.tmp
  for f in debs/*.deb; do dpkg-deb -x "$f" deb-root.tmp; done
  rm -rf deb-root; mv deb-root.tmp deb-root
}
step_patch_std() {
  python3 "$HERE/patch-std.py" deb-root/usr/src/rustc-1.96.0/library >"$W/logs/patch-std.log"
}
step_llvm23() {
  command -v pip >/dev/null || command -v pip3 >/dev/null || die "pip not found (python3-pip)"
  local PIP; PIP=$(command -v pip || command -v pip3)
  "$PIP" download --no-deps -q -d pypi "mlc-llvm-static==$LLVM23_V" "mlc-llvm-static-extra-targets==$LLVM23_V" \
    || die "PyPI wheels mlc-llvm-static(-extra-targets)==$LLVM23_V not available"
  rm -rf llvm23.tmp; mkdir -p llvm23.tmp
  for w in pypi/*.whl; do python3 -m zipfile -e "$w" llvm23.tmp; done
  chmod +x llvm23.tmp/mlc_llvm_static/static/bin/*
  rm -rf llvm23; mv llvm23.tmp llvm23
}
step_linker() {
  # fetch the crate source from crates.io into cargo's registry cache
  local fetch; fetch=$(mktemp -d)
  ( cd "$fetch" && cargo init -q --name fetch_sbpf_linker && echo "sbpf-linker = \"=$LINKER_V\"" >> Cargo.toml \
      && cargo fetch -q ) || die "sbpf-linker $LINKER_V not available from crates.io"
  local reg; reg=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/sbpf-linker-$LINKER_V | head -1)
  rm -rf "$fetch" linker-src; cp -a "$reg" linker-src; chmod -R u+w linker-src
  python3 "$HERE/patch-linker.py" linker-src
  LLVM_PREFIX=$W/llvm23/mlc_llvm_static/static LIBZSTD_PATH=$W/deb-root/usr/lib/x86_64-linux-gnu \
  CARGO_TARGET_DIR=$W/linker-target cargo install --path linker-src --locked --force \
    --no-default-features --features bpf-linker/llvm-23,bpf-linker/llvm-link-static --root "$W/tools" -j "$J" \
    >"$W/logs/sbpf-linker.log" 2>&1 || { tail -30 "$W/logs/sbpf-linker.log" >&2; die "sbpf-linker build failed"; }
  rm -rf "$W/linker-target"
  "$W/tools/bin/sbpf-linker" --version
  echo "sbpf-linker $LINKER_V + patch-linker.py" > "$W/tools/GAP_PATCHED"
}
step_env() {
  cat > env.sh.tmp <<EOS
export LD_LIBRARY_PATH=$W/deb-root/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}
export SBF_RUSTC=$W/deb-root/usr/bin/rustc SBF_RUSTDOC=$W/deb-root/usr/bin/rustdoc SBF_CARGO=$W/deb-root/usr/bin/cargo
export SBF_LINKER=$W/tools/bin/sbpf-linker SBF_LLVM_AS=$W/deb-root/usr/lib/llvm-22/bin/llvm-as
export SBF_LLC=$W/deb-root/usr/lib/llvm-22/bin/llc
export SBF_TARGET_JSON=$W/targets/bpfel-unknown-solana.json
EOS
  mkdir -p targets
  LD_LIBRARY_PATH=$W/deb-root/usr/lib/x86_64-linux-gnu RUSTC_BOOTSTRAP=1 "$W/deb-root/usr/bin/rustc" \
    -Z unstable-options --print target-spec-json --target bpfel-unknown-none | python3 -c '
import json,sys; d=json.load(sys.stdin); d["atomic-cas"]=True; d["min-atomic-width"]=8; d["os"]="solana"
json.dump(d, open(sys.argv[1],"w"), indent=2)' targets/bpfel-unknown-solana.json
  mv env.sh.tmp env.sh
}

T0=$SECONDS
[ -x deb-root/usr/bin/rustc ] && [ -x deb-root/usr/lib/llvm-22/bin/llvm-as ] || step "Debian rustc-web 1.96 + llvm-22" step_debs
grep -q 'target_os = "solana"' deb-root/usr/src/rustc-1.96.0/library/std/src/sys/alloc/mod.rs 2>/dev/null \
  || step "patch std for target_os=solana" step_patch_std
[ -x llvm23/mlc_llvm_static/static/bin/llvm-config ] || step "LLVM $LLVM23_V static SDK (PyPI)" step_llvm23
[ -x tools/bin/sbpf-linker ] && [ -f tools/GAP_PATCHED ] \
  || step "sbpf-linker $LINKER_V with --v0-stack-frame-gaps" step_linker
[ -f env.sh ] && [ -f targets/bpfel-unknown-solana.json ] || step "env.sh + target JSON" step_env
echo "[sbf-env] ready: $W ($(( SECONDS - T0 ))s)"
