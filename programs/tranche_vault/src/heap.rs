//! The program's heap allocator: the entrypoint's default bump allocator (32 KiB at `HEAP_START_ADDRESS`), with
//! one difference: `alloc` is never inlined. The default one is `#[inline]`, and each of the program's ~780
//! allocation sites (a `Box` of an account, an error's strings, a `Vec`) carried its own copy of it, about 120
//! bytes each (README, "Program size"). The `custom-heap` feature (on by default) turns the default allocator off,
//! as `entrypoint!` documents.

use core::alloc::{GlobalAlloc, Layout};

use anchor_lang::solana_program::entrypoint::{BumpAllocator, HEAP_LENGTH, HEAP_START_ADDRESS};

pub struct Heap(BumpAllocator);

// SAFETY: it is the entrypoint's allocator, over the region the entrypoint gives it.
unsafe impl GlobalAlloc for Heap {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on (a bump heap frees nothing).
        unsafe { self.0.dealloc(ptr, layout) }
    }
}

#[global_allocator]
// SAFETY: the runtime's heap region, as `custom_heap_default!` sets it up.
static HEAP: Heap = Heap(unsafe {
    BumpAllocator::with_fixed_address_range(HEAP_START_ADDRESS as usize, HEAP_LENGTH)
});
