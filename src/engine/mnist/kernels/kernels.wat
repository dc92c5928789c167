;; Sparse-times-dense kernels for the MNIST net, in WebAssembly with 128-bit SIMD (two float64
;; lanes). Every output element is summed in the same order as the plain loop
;; `s = 0; for q in row: s += val[q] * M[idx[q]][j]`, with separate multiply and add (no fused
;; multiply-add), so the results are bit-identical to scalar float64 code.
;; Addresses are byte offsets into the exported memory; the caller lays the arrays out.
(module
  (memory (export "memory") 1)

  ;; out[r][j] = sum over q in ptr[r]..ptr[r+1]-1 of val[q] * M[idx[q]][j], for r < rows, j < H.
  ;; ptr: i32[rows+1], idx: i32[], val: f64[], M: f64[*][H], out: f64[rows][H].
  (func (export "sparseTimes")
    (param $ptr i32) (param $idx i32) (param $val i32) (param $rows i32)
    (param $M i32) (param $H i32) (param $out i32)
    (local $r i32) (local $j i32) (local $q i32) (local $end i32) (local $rowBytes i32)
    (local $m i32) (local $o i32) (local $v v128) (local $x f64) (local $s f64)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $s4 v128) (local $s5 v128) (local $s6 v128) (local $s7 v128)
    (local.set $rowBytes (i32.shl (local.get $H) (i32.const 3)))
    (local.set $o (local.get $out))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $end (i32.load offset=4 (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
      (local.set $j (i32.const 0))
      ;; sixteen columns at a time, in eight two-lane accumulators (fits the 16 vector registers)
      (block $wideDone (loop $wide
        (br_if $wideDone (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $H)))
        (local.set $s0 (v128.const i64x2 0 0)) (local.set $s1 (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0)) (local.set $s3 (v128.const i64x2 0 0))
        (local.set $s4 (v128.const i64x2 0 0)) (local.set $s5 (v128.const i64x2 0 0))
        (local.set $s6 (v128.const i64x2 0 0)) (local.set $s7 (v128.const i64x2 0 0))
        (local.set $q (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
          (local.set $v (f64x2.splat (f64.load (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 3))))))
          (local.set $m (i32.add
            (i32.add (local.get $M)
              (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2)))) (local.get $rowBytes)))
            (i32.shl (local.get $j) (i32.const 3))))
          (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $m)))))
          (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $m)))))
          (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $m)))))
          (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $m)))))
          (local.set $s4 (f64x2.add (local.get $s4) (f64x2.mul (local.get $v) (v128.load offset=64 (local.get $m)))))
          (local.set $s5 (f64x2.add (local.get $s5) (f64x2.mul (local.get $v) (v128.load offset=80 (local.get $m)))))
          (local.set $s6 (f64x2.add (local.get $s6) (f64x2.mul (local.get $v) (v128.load offset=96 (local.get $m)))))
          (local.set $s7 (f64x2.add (local.get $s7) (f64x2.mul (local.get $v) (v128.load offset=112 (local.get $m)))))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $next)))
        (v128.store offset=0 (local.get $o) (local.get $s0))
        (v128.store offset=16 (local.get $o) (local.get $s1))
        (v128.store offset=32 (local.get $o) (local.get $s2))
        (v128.store offset=48 (local.get $o) (local.get $s3))
        (v128.store offset=64 (local.get $o) (local.get $s4))
        (v128.store offset=80 (local.get $o) (local.get $s5))
        (v128.store offset=96 (local.get $o) (local.get $s6))
        (v128.store offset=112 (local.get $o) (local.get $s7))
        (local.set $o (i32.add (local.get $o) (i32.const 128)))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $wide)))
      ;; two columns at a time for what is left
      (block $pairsDone (loop $pair
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $H)))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $q (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
          (local.set $m (i32.add
            (i32.add (local.get $M)
              (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2)))) (local.get $rowBytes)))
            (i32.shl (local.get $j) (i32.const 3))))
          (local.set $s0 (f64x2.add (local.get $s0)
            (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 3)))))
                       (v128.load (local.get $m)))))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $next)))
        (v128.store (local.get $o) (local.get $s0))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pair)))
      ;; the last column when H is odd
      (if (i32.lt_u (local.get $j) (local.get $H)) (then
        (local.set $s (f64.const 0))
        (local.set $q (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
          (local.set $x (f64.load (i32.add
            (i32.add (local.get $M)
              (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2)))) (local.get $rowBytes)))
            (i32.shl (local.get $j) (i32.const 3)))))
          (local.set $s (f64.add (local.get $s)
            (f64.mul (f64.load (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 3)))) (local.get $x))))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $next)))
        (f64.store (local.get $o) (local.get $s))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row)))
  )

  ;; The transpose of a rows x cols sparse matrix (ptr, idx, val) into (tptr, tidx, tval), each
  ;; transposed row listing its entries in ascending original row (a counting sort).
  ;; tptr: i32[cols+2] of scratch; on return its first cols+1 entries are the transposed ptr.
  (func (export "transpose")
    (param $ptr i32) (param $idx i32) (param $val i32) (param $rows i32) (param $cols i32)
    (param $tptr i32) (param $tidx i32) (param $tval i32)
    (local $r i32) (local $q i32) (local $end i32) (local $c i32) (local $at i32) (local $sum i32)
    (local $slot i32)
    (memory.fill (local.get $tptr) (i32.const 0) (i32.shl (i32.add (local.get $cols) (i32.const 2)) (i32.const 2)))
    ;; count column c's entries into tptr[c+2]
    (local.set $end (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $rows) (i32.const 2)))))
    (local.set $q (i32.load (local.get $ptr)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
      (local.set $slot (i32.add (local.get $tptr)
        (i32.shl (i32.load (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 2))))
      (i32.store offset=8 (local.get $slot) (i32.add (i32.load offset=8 (local.get $slot)) (i32.const 1)))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $next)))
    ;; prefix sums: now tptr[c+1] = where column c starts
    (local.set $c (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $c) (local.get $cols)))
      (local.set $slot (i32.add (local.get $tptr) (i32.shl (local.get $c) (i32.const 2))))
      (local.set $sum (i32.add (local.get $sum) (i32.load offset=8 (local.get $slot))))
      (i32.store offset=8 (local.get $slot) (local.get $sum))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $next)))
    ;; place the entries row by row; tptr[c+1] advances to where column c ends (= tptr of c+1)
    (local.set $q (i32.load (local.get $ptr)))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $end (i32.load offset=4 (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $slot (i32.add (local.get $tptr)
          (i32.shl (i32.load (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 2))))
        (local.set $at (i32.load offset=4 (local.get $slot)))
        (i32.store offset=4 (local.get $slot) (i32.add (local.get $at) (i32.const 1)))
        (i32.store (i32.add (local.get $tidx) (i32.shl (local.get $at) (i32.const 2))) (local.get $r))
        (f64.store (i32.add (local.get $tval) (i32.shl (local.get $at) (i32.const 3)))
          (f64.load (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 3)))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $next)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row)))
  )
)
