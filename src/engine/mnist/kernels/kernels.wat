;; The MNIST net's loops in WebAssembly with 128-bit SIMD (two float64 lanes). Every output is
;; computed in the order of the plain scalar loop (sums from 0 in ascending index, separate
;; multiply and add, no fused multiply-add), so results are bit-identical to scalar float64 code.
;; Addresses are byte offsets into the imported memory; the caller sizes it and lays the arrays out.
(module
  (import "Math" "exp" (func $exp (param f64) (result f64)))
  (import "env" "memory" (memory 1))

  ;; out[0..N) = sum over q < count of val[q] * M[idx[q]][0..N): one row of a sparse-times-dense
  ;; product. val: f64[count], idx: i32[count], M: f64[*][N].
  (func $rowTimes
    (param $val i32) (param $idx i32) (param $count i32) (param $M i32) (param $N i32) (param $out i32)
    (local $j i32) (local $q i32) (local $rowBytes i32) (local $m i32) (local $v v128) (local $s f64)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $s4 v128) (local $s5 v128) (local $s6 v128) (local $s7 v128)
    (local.set $rowBytes (i32.shl (local.get $N) (i32.const 3)))
    ;; sixteen columns at a time, in eight two-lane accumulators (fits the 16 vector registers)
    (block $wideDone (loop $wide
      (br_if $wideDone (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $N)))
      (local.set $s0 (v128.const i64x2 0 0)) (local.set $s1 (v128.const i64x2 0 0))
      (local.set $s2 (v128.const i64x2 0 0)) (local.set $s3 (v128.const i64x2 0 0))
      (local.set $s4 (v128.const i64x2 0 0)) (local.set $s5 (v128.const i64x2 0 0))
      (local.set $s6 (v128.const i64x2 0 0)) (local.set $s7 (v128.const i64x2 0 0))
      (local.set $q (i32.const 0))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $count)))
        (local.set $v (v128.load64_splat (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 3)))))
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
      (v128.store offset=0 (local.get $out) (local.get $s0))
      (v128.store offset=16 (local.get $out) (local.get $s1))
      (v128.store offset=32 (local.get $out) (local.get $s2))
      (v128.store offset=48 (local.get $out) (local.get $s3))
      (v128.store offset=64 (local.get $out) (local.get $s4))
      (v128.store offset=80 (local.get $out) (local.get $s5))
      (v128.store offset=96 (local.get $out) (local.get $s6))
      (v128.store offset=112 (local.get $out) (local.get $s7))
      (local.set $out (i32.add (local.get $out) (i32.const 128)))
      (local.set $j (i32.add (local.get $j) (i32.const 16)))
      (br $wide)))
    ;; then eight columns, in four accumulators, if that many are left (ten-class layers)
    (if (i32.le_u (i32.add (local.get $j) (i32.const 8)) (local.get $N)) (then
      (local.set $s0 (v128.const i64x2 0 0)) (local.set $s1 (v128.const i64x2 0 0))
      (local.set $s2 (v128.const i64x2 0 0)) (local.set $s3 (v128.const i64x2 0 0))
      (local.set $q (i32.const 0))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $count)))
        (local.set $v (v128.load64_splat (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 3)))))
        (local.set $m (i32.add
          (i32.add (local.get $M)
            (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2)))) (local.get $rowBytes)))
          (i32.shl (local.get $j) (i32.const 3))))
        (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $m)))))
        (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $m)))))
        (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $m)))))
        (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $m)))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $next)))
      (v128.store offset=0 (local.get $out) (local.get $s0))
      (v128.store offset=16 (local.get $out) (local.get $s1))
      (v128.store offset=32 (local.get $out) (local.get $s2))
      (v128.store offset=48 (local.get $out) (local.get $s3))
      (local.set $out (i32.add (local.get $out) (i32.const 64)))
      (local.set $j (i32.add (local.get $j) (i32.const 8)))))
    ;; two columns at a time for what is left
    (block $pairsDone (loop $pair
      (br_if $pairsDone (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $N)))
      (local.set $s0 (v128.const i64x2 0 0))
      (local.set $q (i32.const 0))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $count)))
        (local.set $m (i32.add
          (i32.add (local.get $M)
            (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2)))) (local.get $rowBytes)))
          (i32.shl (local.get $j) (i32.const 3))))
        (local.set $s0 (f64x2.add (local.get $s0)
          (f64x2.mul (v128.load64_splat (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 3))))
                     (v128.load (local.get $m)))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $next)))
      (v128.store (local.get $out) (local.get $s0))
      (local.set $out (i32.add (local.get $out) (i32.const 16)))
      (local.set $j (i32.add (local.get $j) (i32.const 2)))
      (br $pair)))
    ;; the last column when N is odd
    (if (i32.lt_u (local.get $j) (local.get $N)) (then
      (local.set $s (f64.const 0))
      (local.set $q (i32.const 0))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $count)))
        (local.set $m (i32.add
          (i32.add (local.get $M)
            (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2)))) (local.get $rowBytes)))
          (i32.shl (local.get $j) (i32.const 3))))
        (local.set $s (f64.add (local.get $s)
          (f64.mul (f64.load (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 3)))) (f64.load (local.get $m)))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $next)))
      (f64.store (local.get $out) (local.get $s))))
  )

  ;; out[r] = sum over q in ptr[r]..ptr[r+1]-1 of val[q] * M[idx[q]], for r < rows (CSR times
  ;; dense). ptr: i32[rows+1], starting at 0; out: f64[rows][N].
  (func (export "sparseTimes")
    (param $ptr i32) (param $idx i32) (param $val i32) (param $rows i32)
    (param $M i32) (param $N i32) (param $out i32)
    (local $r i32) (local $start i32) (local $end i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $start (i32.load (local.get $ptr)))
      (local.set $end (i32.load offset=4 (local.get $ptr)))
      (call $rowTimes
        (i32.add (local.get $val) (i32.shl (local.get $start) (i32.const 3)))
        (i32.add (local.get $idx) (i32.shl (local.get $start) (i32.const 2)))
        (i32.sub (local.get $end) (local.get $start))
        (local.get $M) (local.get $N) (local.get $out))
      (local.set $ptr (i32.add (local.get $ptr) (i32.const 4)))
      (local.set $out (i32.add (local.get $out) (i32.shl (local.get $N) (i32.const 3))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $next)))
  )

  ;; out = A · M for dense A (rows x K) and M (K x N); iota: i32[K] holding 0, 1, ..., K-1.
  (func (export "denseTimes")
    (param $A i32) (param $rows i32) (param $K i32) (param $iota i32)
    (param $M i32) (param $N i32) (param $out i32)
    (local $r i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
      (call $rowTimes (local.get $A) (local.get $iota) (local.get $K) (local.get $M) (local.get $N) (local.get $out))
      (local.set $A (i32.add (local.get $A) (i32.shl (local.get $K) (i32.const 3))))
      (local.set $out (i32.add (local.get $out) (i32.shl (local.get $N) (i32.const 3))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $next)))
  )

  ;; The transpose of a rows x cols sparse matrix (ptr from 0, idx, val) into (tptr, tidx, tval),
  ;; each transposed row listing its entries in ascending original row (a counting sort).
  ;; tptr: i32[cols+2] of scratch; on return its first cols+1 entries are the transposed ptr.
  (func (export "transpose")
    (param $ptr i32) (param $idx i32) (param $val i32) (param $rows i32) (param $cols i32)
    (param $tptr i32) (param $tidx i32) (param $tval i32)
    (local $r i32) (local $q i32) (local $end i32) (local $c i32) (local $at i32) (local $sum i32)
    (local $slot i32)
    (memory.fill (local.get $tptr) (i32.const 0) (i32.shl (i32.add (local.get $cols) (i32.const 2)) (i32.const 2)))
    ;; count column c's entries into tptr[c+2]
    (local.set $end (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $rows) (i32.const 2)))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
      (local.set $slot (i32.add (local.get $tptr)
        (i32.shl (i32.load (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 2))))
      (i32.store offset=8 (local.get $slot) (i32.add (i32.load offset=8 (local.get $slot)) (i32.const 1)))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $next)))
    ;; prefix sums: now tptr[c+1] = where column c starts
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $c) (local.get $cols)))
      (local.set $slot (i32.add (local.get $tptr) (i32.shl (local.get $c) (i32.const 2))))
      (local.set $sum (i32.add (local.get $sum) (i32.load offset=8 (local.get $slot))))
      (i32.store offset=8 (local.get $slot) (local.get $sum))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $next)))
    ;; place the entries row by row; tptr[c+1] advances to where column c ends (= tptr of c+1)
    (local.set $q (i32.const 0))
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

  ;; out (cols x rows) = the transpose of dense A (rows x cols).
  (func (export "transposeDense") (param $A i32) (param $rows i32) (param $cols i32) (param $out i32)
    (local $r i32) (local $c i32)
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $c (i32.const 0))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $c) (local.get $cols)))
        (f64.store
          (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 3)))
          (f64.load (local.get $A)))
        (local.set $A (i32.add (local.get $A) (i32.const 8)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $next)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row)))
  )

  ;; A[r][k] += b[k] for r < rows, k < K.
  (func (export "addRow") (param $A i32) (param $b i32) (param $rows i32) (param $K i32)
    (local $r i32) (local $k i32)
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $k (i32.const 0))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $K)))
        (f64.store (local.get $A) (f64.add (f64.load (local.get $A))
          (f64.load (i32.add (local.get $b) (i32.shl (local.get $k) (i32.const 3))))))
        (local.set $A (i32.add (local.get $A) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row)))
  )

  ;; out[k] = sum over r < rows of A[r][k], rows in order.
  (func (export "columnSums") (param $A i32) (param $rows i32) (param $K i32) (param $out i32)
    (local $r i32) (local $k i32) (local $o i32)
    (memory.fill (local.get $out) (i32.const 0) (i32.shl (local.get $K) (i32.const 3)))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $k (i32.const 0))
      (local.set $o (local.get $out))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $K)))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (f64.load (local.get $A))))
        (local.set $A (i32.add (local.get $A) (i32.const 8)))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row)))
  )

  ;; Z[q] = 1 / (1 + exp(-A[q])) for q < count.
  (func (export "sigmoid") (param $A i32) (param $Z i32) (param $count i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $A) (i32.shl (local.get $count) (i32.const 3))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $A) (local.get $end)))
      (f64.store (local.get $Z)
        (f64.div (f64.const 1) (f64.add (f64.const 1) (call $exp (f64.neg (f64.load (local.get $A)))))))
      (local.set $A (i32.add (local.get $A) (i32.const 8)))
      (local.set $Z (i32.add (local.get $Z) (i32.const 8)))
      (br $next)))
  )

  ;; dA[q] = dZ[q] * Z[q] * (1 - Z[q]) for q < count: back through the sigmoid.
  (func (export "sigmoidBackward") (param $dZ i32) (param $Z i32) (param $count i32) (param $dA i32)
    (local $end i32) (local $z f64)
    (local.set $end (i32.add (local.get $dZ) (i32.shl (local.get $count) (i32.const 3))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $dZ) (local.get $end)))
      (local.set $z (f64.load (local.get $Z)))
      (f64.store (local.get $dA)
        (f64.mul (f64.mul (f64.load (local.get $dZ)) (local.get $z)) (f64.sub (f64.const 1) (local.get $z))))
      (local.set $dZ (i32.add (local.get $dZ) (i32.const 8)))
      (local.set $Z (i32.add (local.get $Z) (i32.const 8)))
      (local.set $dA (i32.add (local.get $dA) (i32.const 8)))
      (br $next)))
  )

  ;; w[q] -= lr * dw[q] for q < count: one gradient-descent step.
  (func (export "descend") (param $w i32) (param $dw i32) (param $count i32) (param $lr f64)
    (local $end i32) (local $lr2 v128)
    (local.set $lr2 (f64x2.splat (local.get $lr)))
    (local.set $end (i32.add (local.get $w) (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $w) (local.get $end)))
      (v128.store (local.get $w)
        (f64x2.sub (v128.load (local.get $w)) (f64x2.mul (local.get $lr2) (v128.load (local.get $dw)))))
      (local.set $w (i32.add (local.get $w) (i32.const 16)))
      (local.set $dw (i32.add (local.get $dw) (i32.const 16)))
      (br $next)))
    (if (i32.and (local.get $count) (i32.const 1)) (then
      (f64.store (local.get $w)
        (f64.sub (f64.load (local.get $w)) (f64.mul (local.get $lr) (f64.load (local.get $dw)))))))
  )
)
