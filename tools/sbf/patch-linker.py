#!/usr/bin/env python3
"""Patch sbpf-linker 0.2.6's source with a hidden flag `--v0-stack-frame-gaps`.

LLVM 23's BPF backend passes arguments 6+ on the stack through the pseudo register r11 (caller: store
[r11 - k]; callee: load [r11 + k]). sbpf-linker 0.2.6 rewrites the caller store to [r10 + k] and the callee
load to [r10 + k - frame_size], which is only consistent when SBPF v0 frames are contiguous. agave 3.1.x maps
v0 stacks WITH gaps (callee r10 = caller r10 + 2 * frame_size), so the caller's store faults ("Access
violation in stack frame"). With the flag, the caller store becomes [r10 + frame_size + k]: the bottom of the
callee's frame, exactly where the unchanged callee load reads.

Usage: patch-linker.py <sbpf-linker-0.2.6 source dir>. Fails loudly if the source is not the expected one."""
import sys, pathlib

d = pathlib.Path(sys.argv[1])


def sub(rel, old, new):
    p = d / rel
    s = p.read_text()
    assert s.count(old) == 1, (rel, old)
    p.write_text(s.replace(old, new))


sub("src/fuse_args_stack.rs", "const R11: u8 = 11;",
    "const R11: u8 = 11;\n\n/// Extra bytes added to rewritten outgoing stack-argument stores ([r11 - k] -> [r10 + bias + k]).\n"
    "/// Set to the stack frame size for SBPF v0 runtimes that map stack frames with gaps.\n"
    "pub static OUTGOING_STACK_ARG_BIAS: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);")
sub("src/fuse_args_stack.rs", "let Some(new_off) = off.checked_neg() else {",
    "let bias = OUTGOING_STACK_ARG_BIAS.load(std::sync::atomic::Ordering::Relaxed);\n"
    "            let Some(new_off) = off.checked_neg().and_then(|o| i16::try_from(i32::from(o) + bias).ok()) else {")
sub("src/bin/sbpf-linker.rs", "    /// Extra command line arguments to pass to LLVM\n",
    "    /// SBPF v0 only: target runtime maps stack frames with gaps (agave <= 3.x, or 4.x without\n"
    "    /// virtual_address_space_adjustments); place outgoing stack arguments in the callee frame.\n"
    "    #[clap(long, hide = true)]\n    v0_stack_frame_gaps: bool,\n\n"
    "    /// Extra command line arguments to pass to LLVM\n")
sub("src/bin/sbpf-linker.rs", "    let cli = process_cli_options(args)?;\n",
    "    let cli = process_cli_options(args)?;\n    let v0_stack_frame_gaps = cli.v0_stack_frame_gaps && matches!(cli.arch.0, SbpfArch::V0);\n")
sub("src/bin/sbpf-linker.rs", "    let stack_frame_size = stack_frame_size_result?;\n",
    "    let stack_frame_size = stack_frame_size_result?;\n    if v0_stack_frame_gaps {\n"
    "        sbpf_linker::fuse_args_stack::OUTGOING_STACK_ARG_BIAS\n"
    "            .store(stack_frame_size, std::sync::atomic::Ordering::Relaxed);\n    }\n")
print("patched", d)
