#!/usr/bin/env bash
# Build workspace program crates into SBF bytecode: target/deploy/<lib>.so
#
#   tools/sbf/build-program.sh <package> [<package> ...]
#
# Route selection (SBF_ROUTE=auto|official|registry, default auto):
#   official: `cargo build-sbf` (Solana platform-tools), used when it is installed and answers --version.
#   registry: the registry-only route of this folder (setup-env.sh): Debian rustc 1.96 with a patched std, the
#             LLVM 23 static SDK from PyPI, sbpf-linker 0.2.6 with --v0-stack-frame-gaps, and the i128 shim
#             i128_libcalls.ll. Output is SBPF v0, as agave 3.1.x (solana-program-test 3.1.12, mainnet) runs it.
# SBF_FEATURES=<features> builds with those cargo features (the fuzzer's negative controls: tools/fuzz/controls.sh).
# Every build uses the workspace's Cargo.lock with --locked. Each step prints its time.
set -euo pipefail
[ $# -ge 1 ] || { sed -n 2,12p "$0"; exit 2; }
HERE=$(dirname "$(readlink -f "$0")")
ROOT=$(cd "$HERE/../.." && pwd)
ROUTE=${SBF_ROUTE:-auto}
J=${JOBS:-$(nproc)}
DEPLOY=$ROOT/target/deploy
mkdir -p "$DEPLOY"
ts() { echo "[sbf] $*"; }

if [ "$ROUTE" = auto ]; then
  if cargo build-sbf --version >/dev/null 2>&1; then ROUTE=official; else ROUTE=registry; fi
fi

lib_name() { # package -> lib target name (dashes to underscores)
  cargo metadata --locked --no-deps --format-version 1 --manifest-path "$ROOT/Cargo.toml" | python3 -c '
import json,sys; m=json.load(sys.stdin); p=[p for p in m["packages"] if p["name"]==sys.argv[1]]
assert p, "no package "+sys.argv[1]
t=[t for t in p[0]["targets"] if "cdylib" in t["crate_types"]]
assert t, "package %s has no cdylib target" % sys.argv[1]
print(t[0]["name"].replace("-","_"))' "$1"
}

manifest_of() { # package -> its Cargo.toml
  cargo metadata --locked --no-deps --format-version 1 --manifest-path "$ROOT/Cargo.toml" \
    | python3 -c 'import json,sys; print([p["manifest_path"] for p in json.load(sys.stdin)["packages"] if p["name"]==sys.argv[1]][0])' "$1"
}

if [ "$ROUTE" = official ]; then
  for pkg in "$@"; do
    s=$SECONDS
    manifest=$(manifest_of "$pkg")
    cargo build-sbf --manifest-path "$manifest" --sbf-out-dir "$DEPLOY" ${SBF_FEATURES:+--features "$SBF_FEATURES"} -- --locked
    ts "$pkg: official cargo build-sbf done in $(( SECONDS - s ))s"
  done
  exit 0
fi
[ "$ROUTE" = registry ] || { echo "SBF_ROUTE must be auto, official or registry" >&2; exit 2; }

# ---------- 1. toolchain environment (cached outside the repository) ----------
ENV_DIR=${SBF_ENV:-${XDG_CACHE_HOME:-$HOME/.cache}/tranche-vault-sbf}
"$HERE/setup-env.sh" "$ENV_DIR"
# shellcheck disable=SC1091
. "$ENV_DIR/env.sh"

# Inlining in the link-time optimization (where the whole program is one module): only what rustc's own passes
# inlined, #[inline(always)] and single-call functions. At LLVM's default threshold every instruction's accounts
# code carried its own copies of the error-building, allocator and deserializing paths: the .so was 1,363,280
# bytes, and is 821,424 (-40 %) with threshold 0, for +4 % CU in liquidate and -1 % in deposit (README, "Program
# size"). Threshold 0 in rustc's passes as well gave 708,288 bytes but +10-25 % CU on every instruction.
# Comparisons: LLVM expands each `memcmp`/`bcmp` of a known length inline, 16 instructions for a 32-byte key;
# with -max-loads-per-memcmp=0 they are calls to the program's own memcmp (src/builtins.rs, four word
# comparisons for a key): 23 KB less for about +3 % CU on the instructions that check many keys.
# ---------- 2. i128 shim and cargo config (inside target/, rebuilt only when they change) ----------
WORK=$ROOT/target/sbf
mkdir -p "$WORK"
put_if_changed() { # $1 = dest; stdin = content (keeps mtimes stable, so cargo stays incremental)
  local tmp; tmp=$(mktemp); cat > "$tmp"
  if cmp -s "$tmp" "$1" 2>/dev/null; then rm -f "$tmp"; else mv "$tmp" "$1"; fi
}
if [ ! -f "$WORK/i128_libcalls.bc" ] || [ "$HERE/i128_libcalls.ll" -nt "$WORK/i128_libcalls.bc" ]; then
  "$SBF_LLVM_AS" "$HERE/i128_libcalls.ll" -o "$WORK/i128_libcalls.bc.tmp"
  mv "$WORK/i128_libcalls.bc.tmp" "$WORK/i128_libcalls.bc"
  ts "i128 shim assembled"
fi
# The shim is linked as bitcode: a changed shim must relink, so its hash goes into the flags.
SHIM_HASH=$(sha256sum "$WORK/i128_libcalls.bc" | cut -c1-16)
put_if_changed "$WORK/config.toml" <<EOF2
[target.bpfel-unknown-solana]
linker = "$SBF_LINKER"
rustflags = [
  "-Z", "unstable-options", "-C", "panic=immediate-abort", "-C", "passes=lower-atomic",
  "-C", "relocation-model=static",
  "-C", "target-cpu=v2",
  "-C", "target-feature=+allows-misaligned-mem-access",
  "-C", "link-arg=--export=__multi3,__adddf3,__subdf3,__negdf2,__muldf3,__divdf3,__floatundidf,__fixunsdfdi,__gedf2,__gtdf2",
  "-C", "link-arg=$WORK/i128_libcalls.bc",
  "-C", "link-arg=--arch=v0",
  "-C", "link-arg=--v0-stack-frame-gaps",
  "-C", "link-arg=--llvm-args=-bpf-stack-size=4096",
  "-C", "link-arg=--llvm-args=--bpf-max-stores-per-memfunc=5",
  "-C", "link-arg=--llvm-args=--disable-gotox",
  "-C", "link-arg=--llvm-args=--disable-ldsx",
  "-C", "link-arg=--llvm-args=--disable-movsx",
  "-C", "link-arg=--llvm-args=-inline-threshold=0",
  "-C", "link-arg=--llvm-args=-max-loads-per-memcmp=0",
  "--cfg=target_feature=\"static-syscalls\"",
  "--cfg=sbf_shim=\"$SHIM_HASH\"",
  "-A", "explicit_builtin_cfgs_in_flags",
  "-A", "unexpected_cfgs",
]

# core's own code (formatting, unicode tables, panics) runs only on error paths: built for size. (In the workspace's
# Cargo.toml a `core` entry would warn in every host build, which has no such package.)
[profile.release.package.core]
opt-level = "z"
EOF2

# ---------- 3. build ----------
for pkg in "$@"; do
  lib=$(lib_name "$pkg")
  s=$SECONDS
  log=$WORK/build-$pkg.log
  ts "$pkg: building (its cargo log: $log)"
  # sbpf-linker writes the .so as it links, and a cdylib's file name has no hash: when the last link was with
  # other features (a control's or the profile's), cargo finds this feature set's earlier build fresh and links
  # nothing, so the .so would not be this build's. Make the crate dirty then (a relink, about a minute).
  stamp=$WORK/linked-features-$pkg
  if [ "$(cat "$stamp" 2>/dev/null || echo none)" != "${SBF_FEATURES:-}" ]; then
    touch "$(dirname "$(manifest_of "$pkg")")/src/lib.rs"
  fi
  # sbpf-linker writes ./target/deploy/<lib>.so relative to its working directory: run from the workspace root.
  # Progress while cargo writes to its log: a line every 30 s with the crates compiled so far and the last one (a
  # first build compiles about 280, std included, then links the program with fat LTO for a few minutes; the
  # interval is SBF_PROGRESS_SECS).
  # (sleep's output goes to /dev/null so that, killed, the loop leaves nothing holding a pipe open.)
  ( while sleep "${SBF_PROGRESS_SECS:-30}" >/dev/null 2>&1; do
      n=$(grep -c '^ *Compiling' "$log" 2>/dev/null || true)
      last=$(grep '^ *Compiling' "$log" 2>/dev/null | tail -1 | awk '{print $2}' || true)
      ts "$pkg: still building, $(( SECONDS - s ))s: ${n:-0} crates compiled${last:+, the last $last}"
    done ) &
  beat=$!
  ( cd "$ROOT" && RUSTC=$SBF_RUSTC RUSTDOC=$SBF_RUSTDOC RUSTC_BOOTSTRAP=1 RUSTC_BOOTSTRAP_SYNTHETIC_TARGET=1 \
      CARGO_TARGET_DIR=$WORK/cargo "$SBF_CARGO" build --locked --release -p "$pkg" -j "$J" ${SBF_FEATURES:+--features "$SBF_FEATURES"} \
      --target "$SBF_TARGET_JSON" -Z build-std=std,panic_abort -Z json-target-spec \
      --config "$WORK/config.toml" ) >"$log" 2>&1 \
    || { kill "$beat" 2>/dev/null; tail -40 "$log" >&2; echo "[sbf] BUILD FAILED: $pkg (full log: $log)" >&2; exit 1; }
  kill "$beat" 2>/dev/null; wait "$beat" 2>/dev/null || true
  echo "${SBF_FEATURES:-}" > "$stamp"
  so=$DEPLOY/$lib.so
  [ -f "$so" ] || { echo "[sbf] sbpf-linker did not write $so (log: $log)" >&2; exit 1; }
  ts "$pkg: $so ($(stat -c %s "$so") bytes) in $(( SECONDS - s ))s"
done
