//! The program's heap allocator: the runtime's bump heap (32 KiB at `HEAP_START_ADDRESS`, growing down, never
//! freed), as `solana_program_entrypoint`'s default allocator, with one difference: `alloc` is never inlined. The
//! default one is `#[inline]`, and each of the program's ~780 allocation sites (a `Box` of an account, an error's
//! strings, a `Vec`) carried its own copy of it, about 120 bytes each (README, "Program size"). The `custom-heap`
//! feature (on by default) turns the default allocator off, as `entrypoint!` documents.

use core::alloc::{GlobalAlloc, Layout};

use anchor_lang::solana_program::entrypoint::{HEAP_LENGTH, HEAP_START_ADDRESS};

const START: usize = HEAP_START_ADDRESS as usize;
/// One past the heap's last byte: where the first allocation ends.
const END: usize = START + HEAP_LENGTH;

pub struct BumpHeap;

// SAFETY: `alloc` returns a block of `layout.size()` bytes at `layout.align()` inside the heap region, below every
// block returned before (so blocks never overlap), or null when the heap is exhausted; the position is kept in the
// heap's first word, which no block covers (every block starts at or above `START + size_of::<usize>()`).
unsafe impl GlobalAlloc for BumpHeap {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pos_ptr = START as *mut usize;
        // SAFETY: the runtime maps the heap region, zeroed, for the whole instruction; its first word is ours.
        let mut pos = unsafe { *pos_ptr };
        if pos == 0 {
            pos = END;
        }
        // Rounding down to the alignment (a power of two) only moves the block further from what was given out.
        pos = pos.saturating_sub(layout.size()) & !layout.align().wrapping_sub(1);
        if pos < START + size_of::<usize>() {
            return core::ptr::null_mut();
        }
        // SAFETY: as above.
        unsafe { *pos_ptr = pos };
        pos as *mut u8
    }

    /// A bump heap frees nothing.
    unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
}

#[global_allocator]
static HEAP: BumpHeap = BumpHeap;
