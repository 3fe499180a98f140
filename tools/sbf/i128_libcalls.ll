; 128-bit integer libcalls for Solana programs built by the registry-only route (tools/sbf).
;
; Why this file exists: rustc <= 1.96 lowers i128 returns on bpf through a hidden sret pointer, while LLVM 23's BPF
; libcall convention passes i128 in register pairs (a: r1/r2, b: r3/r4) and returns lo in r0, hi in r2. Defining the
; libcalls here, in IR, lets LLVM 23 itself pick the matching convention. Only 64-bit operations, i128 shifts by
; constants, i128 add/sub/compare and calls to @__multi3 are used, so legalization never re-enters a division libcall.
;
; Division (the reason for this rewrite): the reference shim divided with a 128-step restoring loop (~6,200 CU per
; u128 division). Here:
;   * divisor < 2^64 : at most one native 64-bit div/mod for the high word, then a 128/64 -> 64 step done as two
;                      native 64-bit divisions on normalized 32-bit digits (Hacker's Delight `divlu`, Knuth D);
;   * divisor >= 2^64: the quotient fits in 64 bits; normalize the divisor's top word, estimate the quotient with
;                      one 128/64 step, then correct it by at most one (Hacker's Delight `udivti3`).
; Division by zero is refused by Rust before the libcall is reached (it panics), so it is never handled here.
; Tested against host results by tests/suites/i128_shim.rs (edge cases + over a million random pairs) on the SBF build.
target datalayout = "e-m:e-p:64:64-i64:64-i128:128-n32:64-S128"
target triple = "bpfel"

define i128 @__multi3(i128 %a, i128 %b) {
entry:
  %alo = trunc i128 %a to i64
  %ahi.s = lshr i128 %a, 64
  %ahi = trunc i128 %ahi.s to i64
  %blo = trunc i128 %b to i64
  %bhi.s = lshr i128 %b, 64
  %bhi = trunc i128 %bhi.s to i64
  %a0 = and i64 %alo, 4294967295
  %a1 = lshr i64 %alo, 32
  %b0 = and i64 %blo, 4294967295
  %b1 = lshr i64 %blo, 32
  %p00 = mul i64 %a0, %b0
  %p01 = mul i64 %a0, %b1
  %p10 = mul i64 %a1, %b0
  %p11 = mul i64 %a1, %b1
  %p00h = lshr i64 %p00, 32
  %p01l = and i64 %p01, 4294967295
  %p10l = and i64 %p10, 4294967295
  %mid1 = add i64 %p00h, %p01l
  %mid = add i64 %mid1, %p10l
  %p00l = and i64 %p00, 4294967295
  %midsh = shl i64 %mid, 32
  %lo = or i64 %p00l, %midsh
  %p01h = lshr i64 %p01, 32
  %p10h = lshr i64 %p10, 32
  %midh = lshr i64 %mid, 32
  %h1 = add i64 %p11, %p01h
  %h2 = add i64 %h1, %p10h
  %h3 = add i64 %h2, %midh
  %c1 = mul i64 %alo, %bhi
  %c2 = mul i64 %ahi, %blo
  %h4 = add i64 %h3, %c1
  %hi = add i64 %h4, %c2
  %rlo = zext i64 %lo to i128
  %rhi0 = zext i64 %hi to i128
  %rhi = shl i128 %rhi0, 64
  %r = or i128 %rhi, %rlo
  ret i128 %r
}

; Number of leading zero bits of a non-zero 64-bit value (binary search; BPF has no clz instruction).
define internal i64 @__sbf_clz64(i64 %x0) alwaysinline {
entry:
  %t32 = icmp ult i64 %x0, 4294967296
  %x1s = shl i64 %x0, 32
  %x1 = select i1 %t32, i64 %x1s, i64 %x0
  %n1 = select i1 %t32, i64 32, i64 0
  %t16 = icmp ult i64 %x1, 281474976710656
  %x2s = shl i64 %x1, 16
  %x2 = select i1 %t16, i64 %x2s, i64 %x1
  %n2a = add i64 %n1, 16
  %n2 = select i1 %t16, i64 %n2a, i64 %n1
  %t8 = icmp ult i64 %x2, 72057594037927936
  %x3s = shl i64 %x2, 8
  %x3 = select i1 %t8, i64 %x3s, i64 %x2
  %n3a = add i64 %n2, 8
  %n3 = select i1 %t8, i64 %n3a, i64 %n2
  %t4 = icmp ult i64 %x3, 1152921504606846976
  %x4s = shl i64 %x3, 4
  %x4 = select i1 %t4, i64 %x4s, i64 %x3
  %n4a = add i64 %n3, 4
  %n4 = select i1 %t4, i64 %n4a, i64 %n3
  %t2 = icmp ult i64 %x4, 4611686018427387904
  %x5s = shl i64 %x4, 2
  %x5 = select i1 %t2, i64 %x5s, i64 %x4
  %n5a = add i64 %n4, 2
  %n5 = select i1 %t2, i64 %n5a, i64 %n4
  %t1 = icmp sgt i64 %x5, -1
  %n6a = add i64 %n5, 1
  %n6 = select i1 %t1, i64 %n6a, i64 %n5
  ret i64 %n6
}

; One 32-bit quotient digit of Knuth's algorithm D: qhat = num / vn1, corrected (at most twice) so that
; qhat * (vn1:vn0) <= num:digit. num < vn1 * 2^32 + vn0 is required (it holds for every call below).
define internal i64 @__sbf_qdigit(i64 %num, i64 %digit, i64 %vn1, i64 %vn0) alwaysinline {
entry:
  %q0 = udiv i64 %num, %vn1
  %qv = mul i64 %q0, %vn1
  %rhat0 = sub i64 %num, %qv
  br label %check
check:
  %q = phi i64 [ %q0, %entry ], [ %q.dec, %again ]
  %rhat = phi i64 [ %rhat0, %entry ], [ %rhat.inc, %again ]
  %big = icmp uge i64 %q, 4294967296
  %lhs = mul i64 %q, %vn0
  %rsh = shl i64 %rhat, 32
  %rhs = or i64 %rsh, %digit
  %over = icmp ugt i64 %lhs, %rhs
  %fix = or i1 %big, %over
  br i1 %fix, label %again, label %done
again:
  %q.dec = sub i64 %q, 1
  %rhat.inc = add i64 %rhat, %vn1
  %fits = icmp ult i64 %rhat.inc, 4294967296
  br i1 %fits, label %check, label %done.dec
done.dec:
  ret i64 %q.dec
done:
  ret i64 %q
}

; (u1:u0) / v for u1 < v (so the quotient fits in 64 bits): { quotient, remainder }.
; Two native 64-bit divisions on a normalized divisor (Hacker's Delight `divlu`).
define internal { i64, i64 } @__sbf_divlu(i64 %u1, i64 %u0, i64 %v0) alwaysinline {
entry:
  %s = call i64 @__sbf_clz64(i64 %v0)
  %v = shl i64 %v0, %s
  %vn1 = lshr i64 %v, 32
  %vn0 = and i64 %v, 4294967295
  %s.zero = icmp eq i64 %s, 0
  %rs = sub i64 64, %s
  %u0.top = lshr i64 %u0, %rs
  %u0.top.s = select i1 %s.zero, i64 0, i64 %u0.top
  %u1.sh = shl i64 %u1, %s
  %un32 = or i64 %u1.sh, %u0.top.s
  %un10 = shl i64 %u0, %s
  %un1 = lshr i64 %un10, 32
  %un0 = and i64 %un10, 4294967295
  %q1 = call i64 @__sbf_qdigit(i64 %un32, i64 %un1, i64 %vn1, i64 %vn0)
  %un32.sh = shl i64 %un32, 32
  %un32b = or i64 %un32.sh, %un1
  %q1v = mul i64 %q1, %v
  %un21 = sub i64 %un32b, %q1v
  %q0 = call i64 @__sbf_qdigit(i64 %un21, i64 %un0, i64 %vn1, i64 %vn0)
  %un21.sh = shl i64 %un21, 32
  %un21b = or i64 %un21.sh, %un0
  %q0v = mul i64 %q0, %v
  %rn = sub i64 %un21b, %q0v
  %r = lshr i64 %rn, %s
  %q1.sh = shl i64 %q1, 32
  %q = or i64 %q1.sh, %q0
  %res0 = insertvalue { i64, i64 } undef, i64 %q, 0
  %res = insertvalue { i64, i64 } %res0, i64 %r, 1
  ret { i64, i64 } %res
}

define internal { i128, i128 } @__sbf_udivmod128(i128 %n, i128 %d) alwaysinline {
entry:
  %nlo = trunc i128 %n to i64
  %nhi.s = lshr i128 %n, 64
  %nhi = trunc i128 %nhi.s to i64
  %dlo = trunc i128 %d to i64
  %dhi.s = lshr i128 %d, 64
  %dhi = trunc i128 %dhi.s to i64
  %d.small = icmp eq i64 %dhi, 0
  br i1 %d.small, label %small, label %big

; divisor < 2^64: high quotient word by one native division, low word by divlu
small:
  %hi.fits = icmp ult i64 %nhi, %dlo
  br i1 %hi.fits, label %small.lo, label %small.hi
small.hi:
  %qhi = udiv i64 %nhi, %dlo
  %khi = urem i64 %nhi, %dlo
  br label %small.lo
small.lo:
  %qh = phi i64 [ 0, %small ], [ %qhi, %small.hi ]
  %k = phi i64 [ %nhi, %small ], [ %khi, %small.hi ]
  %sl = call { i64, i64 } @__sbf_divlu(i64 %k, i64 %nlo, i64 %dlo)
  %sq = extractvalue { i64, i64 } %sl, 0
  %sr = extractvalue { i64, i64 } %sl, 1
  %sqh = zext i64 %qh to i128
  %sqh.sh = shl i128 %sqh, 64
  %sql = zext i64 %sq to i128
  %sq128 = or i128 %sqh.sh, %sql
  %sr128 = zext i64 %sr to i128
  br label %exit

; divisor >= 2^64: quotient < 2^64; estimate with the normalized top word of the divisor, then correct by one
big:
  %s = call i64 @__sbf_clz64(i64 %dhi)
  %s.zero = icmp eq i64 %s, 0
  %rs = sub i64 64, %s
  %dlo.top = lshr i64 %dlo, %rs
  %dlo.top.s = select i1 %s.zero, i64 0, i64 %dlo.top
  %dhi.sh = shl i64 %dhi, %s
  %v1 = or i64 %dhi.sh, %dlo.top.s
  %u1hi = lshr i64 %nhi, 1
  %n.half = lshr i128 %n, 1
  %u1lo = trunc i128 %n.half to i64
  %bl = call { i64, i64 } @__sbf_divlu(i64 %u1hi, i64 %u1lo, i64 %v1)
  %q1 = extractvalue { i64, i64 } %bl, 0
  %rs2 = sub i64 63, %s
  %qe = lshr i64 %q1, %rs2
  %qe.nz = icmp ne i64 %qe, 0
  %qe.dec = sub i64 %qe, 1
  %qa = select i1 %qe.nz, i64 %qe.dec, i64 %qe
  %qa128 = zext i64 %qa to i128
  %prod = call i128 @__multi3(i128 %qa128, i128 %d)
  %rem = sub i128 %n, %prod
  %ge = icmp uge i128 %rem, %d
  %rem.sub = sub i128 %rem, %d
  %br128 = select i1 %ge, i128 %rem.sub, i128 %rem
  %qinc = zext i1 %ge to i128
  %bq128 = add i128 %qa128, %qinc
  br label %exit

exit:
  %q = phi i128 [ %sq128, %small.lo ], [ %bq128, %big ]
  %r = phi i128 [ %sr128, %small.lo ], [ %br128, %big ]
  %res0 = insertvalue { i128, i128 } undef, i128 %q, 0
  %res = insertvalue { i128, i128 } %res0, i128 %r, 1
  ret { i128, i128 } %res
}

define i128 @__udivti3(i128 %n, i128 %d) {
  %qr = call { i128, i128 } @__sbf_udivmod128(i128 %n, i128 %d)
  %q = extractvalue { i128, i128 } %qr, 0
  ret i128 %q
}

define i128 @__umodti3(i128 %n, i128 %d) {
  %qr = call { i128, i128 } @__sbf_udivmod128(i128 %n, i128 %d)
  %r = extractvalue { i128, i128 } %qr, 1
  ret i128 %r
}

define i128 @__divti3(i128 %n, i128 %d) {
  %nneg = icmp slt i128 %n, 0
  %dneg = icmp slt i128 %d, 0
  %nn = sub i128 0, %n
  %dn = sub i128 0, %d
  %na = select i1 %nneg, i128 %nn, i128 %n
  %da = select i1 %dneg, i128 %dn, i128 %d
  %qr = call { i128, i128 } @__sbf_udivmod128(i128 %na, i128 %da)
  %q = extractvalue { i128, i128 } %qr, 0
  %neg = xor i1 %nneg, %dneg
  %qn = sub i128 0, %q
  %res = select i1 %neg, i128 %qn, i128 %q
  ret i128 %res
}

define i128 @__modti3(i128 %n, i128 %d) {
  %nneg = icmp slt i128 %n, 0
  %dneg = icmp slt i128 %d, 0
  %nn = sub i128 0, %n
  %dn = sub i128 0, %d
  %na = select i1 %nneg, i128 %nn, i128 %n
  %da = select i1 %dneg, i128 %dn, i128 %d
  %qr = call { i128, i128 } @__sbf_udivmod128(i128 %na, i128 %da)
  %r = extractvalue { i128, i128 } %qr, 1
  %rn = sub i128 0, %r
  %res = select i1 %nneg, i128 %rn, i128 %r
  ret i128 %res
}
