;; The MNIST net's loops in WebAssembly with 128-bit SIMD (two float64 lanes). Every output is
;; computed in the order of the plain scalar loop (sums from 0 in ascending index, separate
;; multiply and add, no fused multiply-add), and exp as V8's Math.exp computes it, so results
;; are bit-identical to scalar float64 JavaScript.
;; Addresses are byte offsets into the imported memory; the caller sizes it and lays the arrays out.
(module
  (import "env" "memory" (memory 1))

  ;; exp(x) as fdlibm's e_exp.c computes it, which is V8's Math.exp: the same operations in the
  ;; same order, so the result is bit-identical, without a call out of WebAssembly per element.
  (func $exp (param $x f64) (result f64)
    (local $hx i32) (local $xsb i32) (local $k i32) (local $hi f64) (local $lo f64) (local $t f64)
    (local $c f64) (local $y f64)
    (local.set $hx (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $x)) (i64.const 32))))
    (local.set $xsb (i32.shr_u (local.get $hx) (i32.const 31)))
    (local.set $hx (i32.and (local.get $hx) (i32.const 0x7fffffff)))
    ;; |x| >= 709.78...: NaN, infinities, overflow, underflow
    (if (i32.ge_u (local.get $hx) (i32.const 0x40862E42)) (then
      (if (i32.ge_u (local.get $hx) (i32.const 0x7ff00000)) (then
        (if (f64.ne (local.get $x) (local.get $x)) (then (return (f64.add (local.get $x) (local.get $x)))))
        (return (select (local.get $x) (f64.const 0) (i32.eqz (local.get $xsb))))))
      (if (f64.gt (local.get $x) (f64.const 7.09782712893383973096e+02)) (then (return (f64.const inf))))
      (if (f64.lt (local.get $x) (f64.const -7.45133219101941108420e+02)) (then (return (f64.const 0))))))
    ;; argument reduction: x = k*ln2 + (hi - lo)
    (if (i32.gt_u (local.get $hx) (i32.const 0x3FD62E42))
      (then
        (if (i32.lt_u (local.get $hx) (i32.const 0x3FF0A2B2))
          (then
            (if (f64.eq (local.get $x) (f64.const 1)) (then (return (f64.const 2.718281828459045))))
            (if (local.get $xsb)
              (then
                (local.set $hi (f64.add (local.get $x) (f64.const 6.93147180369123816490e-01)))
                (local.set $lo (f64.const -1.90821492927058770002e-10))
                (local.set $k (i32.const -1)))
              (else
                (local.set $hi (f64.sub (local.get $x) (f64.const 6.93147180369123816490e-01)))
                (local.set $lo (f64.const 1.90821492927058770002e-10))
                (local.set $k (i32.const 1)))))
          (else
            (local.set $k (i32.trunc_f64_s (f64.add (f64.mul (f64.const 1.44269504088896338700e+00) (local.get $x))
              (select (f64.const -0.5) (f64.const 0.5) (local.get $xsb)))))
            (local.set $t (f64.convert_i32_s (local.get $k)))
            (local.set $hi (f64.sub (local.get $x) (f64.mul (local.get $t) (f64.const 6.93147180369123816490e-01))))
            (local.set $lo (f64.mul (local.get $t) (f64.const 1.90821492927058770002e-10)))))
        (local.set $x (f64.sub (local.get $hi) (local.get $lo))))
      (else
        ;; |x| < 2**-28
        (if (i32.lt_u (local.get $hx) (i32.const 0x3E300000)) (then (return (f64.add (f64.const 1) (local.get $x)))))))
    (local.set $t (f64.mul (local.get $x) (local.get $x)))
    (local.set $c (f64.sub (local.get $x) (f64.mul (local.get $t)
      (f64.add (f64.const 1.66666666666666019037e-01) (f64.mul (local.get $t)
        (f64.add (f64.const -2.77777777770155933842e-03) (f64.mul (local.get $t)
          (f64.add (f64.const 6.61375632143793436117e-05) (f64.mul (local.get $t)
            (f64.add (f64.const -1.65339022054652515390e-06) (f64.mul (local.get $t) (f64.const 4.13813679705723846039e-08))))))))))))
    (if (i32.eqz (local.get $k)) (then
      (return (f64.sub (f64.const 1) (f64.sub (f64.div (f64.mul (local.get $x) (local.get $c)) (f64.sub (local.get $c) (f64.const 2)))
        (local.get $x))))))
    (local.set $y (f64.sub (f64.const 1) (f64.sub (f64.sub (local.get $lo)
      (f64.div (f64.mul (local.get $x) (local.get $c)) (f64.sub (f64.const 2) (local.get $c)))) (local.get $hi))))
    (if (i32.ge_s (local.get $k) (i32.const -1021)) (then
      (if (i32.eq (local.get $k) (i32.const 1024)) (then
        (return (f64.mul (f64.mul (local.get $y) (f64.const 2)) (f64.const 8.988465674311579539e307)))))
      (return (f64.mul (local.get $y) (f64.reinterpret_i64 (i64.shl
        (i64.extend_i32_u (i32.add (i32.const 0x3ff00000) (i32.shl (local.get $k) (i32.const 20)))) (i64.const 32)))))))
    (f64.mul (f64.mul (local.get $y) (f64.reinterpret_i64 (i64.shl
      (i64.extend_i32_u (i32.add (i32.const 0x3ff00000) (i32.shl (i32.add (local.get $k) (i32.const 1000)) (i32.const 20)))) (i64.const 32))))
      (f64.const 9.33263618503218878990e-302))
  )

  ;; Sparse products take their dense right-hand matrix M (Mrows x N) in panels: the columns are split
  ;; 14 at a time, then 10, 8, 2 and 1 for what is left (see $width), and each panel is stored whole,
  ;; row after row. A panel's row is the stretch one pass of accumulators covers, so the pass reads
  ;; contiguous memory (a row-major M would give it strided pieces of long rows, which cost a
  ;; tenth more even cache-blocked).

  ;; The width of the panel starting `rem` columns before the end: fourteen columns fill seven
  ;; two-lane accumulators, which with the seven values loaded and the multiplier take the 15
  ;; vector registers V8 allocates (an eighth accumulator spills one on every pass); ten, the
  ;; output layer's, in one pass (8 + 2 would leave a single accumulator waiting on its adds).
  (func $width (param $rem i32) (result i32)
    (if (i32.ge_u (local.get $rem) (i32.const 14)) (then (return (i32.const 14))))
    (if (i32.ge_u (local.get $rem) (i32.const 10)) (then (return (i32.const 10))))
    (if (i32.ge_u (local.get $rem) (i32.const 8)) (then (return (i32.const 8))))
    (if (i32.ge_u (local.get $rem) (i32.const 2)) (then (return (i32.const 2))))
    (i32.const 1))

  ;; One panel of width w (14, 10, 8, 2 or 1) of a sparse-times-dense product, for rows r < rows:
  ;; acc = sum over q in [S[r], E[r]) of V[q] * M[idx[q]], with V = val + r*valStride and M's
  ;; row i at M + i*stride (strides in bytes); then out's row r (at out + r*outStride) = acc, or,
  ;; to descend, out -= lr*acc. Sums start from 0, so a row with no entries gives 0 (and leaves
  ;; out as it was when descending). S, E: i32 arrays, SE bytes apart per row, of where each
  ;; row's entries start and end: a CSR's ptr and ptr+4 (SE 4, valStride 0), or for dense rows
  ;; of K values, 0 and K for every row (SE 0, valStride 8K, idx 0..K-1). M and stride come
  ;; first because the inner loop reads them at every entry and V8 passes only the first few
  ;; parameters in registers; from the stack they were reloaded each time (5% slower products).
  (func $panel
    (param $M i32) (param $stride i32) (param $val i32) (param $valStride i32) (param $idx i32) (param $S i32) (param $E i32)
    (param $SE i32) (param $rows i32) (param $w i32) (param $out i32) (param $outStride i32)
    (param $descend i32) (param $lr f64)
    (local $r i32) (local $q i32) (local $pv i32) (local $pi i32) (local $end i32) (local $m i32) (local $o i32)
    (local $v v128) (local $lr2 v128) (local $s f64)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $s4 v128) (local $s5 v128) (local $s6 v128)
    (local.set $lr2 (f64x2.splat (local.get $lr)))
    (local.set $o (local.get $out))
    (if (i32.eq (local.get $w) (i32.const 14)) (then
      (block $rowsDone (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $q (i32.load (i32.add (local.get $S) (i32.mul (local.get $r) (local.get $SE)))))
        (local.set $pv (i32.add (i32.add (local.get $val) (i32.mul (local.get $r) (local.get $valStride)))
          (i32.shl (local.get $q) (i32.const 3))))
        (local.set $pi (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2))))
        (local.set $end (i32.add (local.get $idx)
          (i32.shl (i32.load (i32.add (local.get $E) (i32.mul (local.get $r) (local.get $SE)))) (i32.const 2))))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $s1 (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0))
        (local.set $s3 (v128.const i64x2 0 0))
        (local.set $s4 (v128.const i64x2 0 0))
        (local.set $s5 (v128.const i64x2 0 0))
        (local.set $s6 (v128.const i64x2 0 0))
        (if (i32.lt_u (local.get $pi) (local.get $end)) (then
          (loop $next
            (local.set $v (v128.load64_splat (local.get $pv)))
            (local.set $m (i32.add (local.get $M) (i32.mul (i32.load (local.get $pi)) (local.get $stride))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $m)))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $m)))))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $m)))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $m)))))
            (local.set $s4 (f64x2.add (local.get $s4) (f64x2.mul (local.get $v) (v128.load offset=64 (local.get $m)))))
            (local.set $s5 (f64x2.add (local.get $s5) (f64x2.mul (local.get $v) (v128.load offset=80 (local.get $m)))))
            (local.set $s6 (f64x2.add (local.get $s6) (f64x2.mul (local.get $v) (v128.load offset=96 (local.get $m)))))
            (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
            (local.set $pi (i32.add (local.get $pi) (i32.const 4)))
            (br_if $next (i32.lt_u (local.get $pi) (local.get $end))))))
        (if (local.get $descend) (then
            (v128.store offset=0 (local.get $o)
              (f64x2.sub (v128.load offset=0 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s0))))
            (v128.store offset=16 (local.get $o)
              (f64x2.sub (v128.load offset=16 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s1))))
            (v128.store offset=32 (local.get $o)
              (f64x2.sub (v128.load offset=32 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s2))))
            (v128.store offset=48 (local.get $o)
              (f64x2.sub (v128.load offset=48 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s3))))
            (v128.store offset=64 (local.get $o)
              (f64x2.sub (v128.load offset=64 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s4))))
            (v128.store offset=80 (local.get $o)
              (f64x2.sub (v128.load offset=80 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s5))))
            (v128.store offset=96 (local.get $o)
              (f64x2.sub (v128.load offset=96 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s6))))
          ) (else
            (v128.store offset=0 (local.get $o) (local.get $s0))
            (v128.store offset=16 (local.get $o) (local.get $s1))
            (v128.store offset=32 (local.get $o) (local.get $s2))
            (v128.store offset=48 (local.get $o) (local.get $s3))
            (v128.store offset=64 (local.get $o) (local.get $s4))
            (v128.store offset=80 (local.get $o) (local.get $s5))
            (v128.store offset=96 (local.get $o) (local.get $s6))
          ))
        (local.set $o (i32.add (local.get $o) (local.get $outStride)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
      (return)))
    (if (i32.eq (local.get $w) (i32.const 10)) (then
      (block $rowsDone (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $q (i32.load (i32.add (local.get $S) (i32.mul (local.get $r) (local.get $SE)))))
        (local.set $pv (i32.add (i32.add (local.get $val) (i32.mul (local.get $r) (local.get $valStride)))
          (i32.shl (local.get $q) (i32.const 3))))
        (local.set $pi (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2))))
        (local.set $end (i32.add (local.get $idx)
          (i32.shl (i32.load (i32.add (local.get $E) (i32.mul (local.get $r) (local.get $SE)))) (i32.const 2))))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $s1 (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0))
        (local.set $s3 (v128.const i64x2 0 0))
        (local.set $s4 (v128.const i64x2 0 0))
        (if (i32.lt_u (local.get $pi) (local.get $end)) (then
          (loop $next
            (local.set $v (v128.load64_splat (local.get $pv)))
            (local.set $m (i32.add (local.get $M) (i32.mul (i32.load (local.get $pi)) (local.get $stride))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $m)))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $m)))))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $m)))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $m)))))
            (local.set $s4 (f64x2.add (local.get $s4) (f64x2.mul (local.get $v) (v128.load offset=64 (local.get $m)))))
            (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
            (local.set $pi (i32.add (local.get $pi) (i32.const 4)))
            (br_if $next (i32.lt_u (local.get $pi) (local.get $end))))))
        (if (local.get $descend) (then
            (v128.store offset=0 (local.get $o)
              (f64x2.sub (v128.load offset=0 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s0))))
            (v128.store offset=16 (local.get $o)
              (f64x2.sub (v128.load offset=16 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s1))))
            (v128.store offset=32 (local.get $o)
              (f64x2.sub (v128.load offset=32 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s2))))
            (v128.store offset=48 (local.get $o)
              (f64x2.sub (v128.load offset=48 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s3))))
            (v128.store offset=64 (local.get $o)
              (f64x2.sub (v128.load offset=64 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s4))))
          ) (else
            (v128.store offset=0 (local.get $o) (local.get $s0))
            (v128.store offset=16 (local.get $o) (local.get $s1))
            (v128.store offset=32 (local.get $o) (local.get $s2))
            (v128.store offset=48 (local.get $o) (local.get $s3))
            (v128.store offset=64 (local.get $o) (local.get $s4))
          ))
        (local.set $o (i32.add (local.get $o) (local.get $outStride)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
      (return)))
    (if (i32.eq (local.get $w) (i32.const 8)) (then
      (block $rowsDone (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $q (i32.load (i32.add (local.get $S) (i32.mul (local.get $r) (local.get $SE)))))
        (local.set $pv (i32.add (i32.add (local.get $val) (i32.mul (local.get $r) (local.get $valStride)))
          (i32.shl (local.get $q) (i32.const 3))))
        (local.set $pi (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2))))
        (local.set $end (i32.add (local.get $idx)
          (i32.shl (i32.load (i32.add (local.get $E) (i32.mul (local.get $r) (local.get $SE)))) (i32.const 2))))
        (local.set $s0 (v128.const i64x2 0 0))
        (local.set $s1 (v128.const i64x2 0 0))
        (local.set $s2 (v128.const i64x2 0 0))
        (local.set $s3 (v128.const i64x2 0 0))
        (if (i32.lt_u (local.get $pi) (local.get $end)) (then
          (loop $next
            (local.set $v (v128.load64_splat (local.get $pv)))
            (local.set $m (i32.add (local.get $M) (i32.mul (i32.load (local.get $pi)) (local.get $stride))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $m)))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $m)))))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $m)))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $m)))))
            (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
            (local.set $pi (i32.add (local.get $pi) (i32.const 4)))
            (br_if $next (i32.lt_u (local.get $pi) (local.get $end))))))
        (if (local.get $descend) (then
            (v128.store offset=0 (local.get $o)
              (f64x2.sub (v128.load offset=0 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s0))))
            (v128.store offset=16 (local.get $o)
              (f64x2.sub (v128.load offset=16 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s1))))
            (v128.store offset=32 (local.get $o)
              (f64x2.sub (v128.load offset=32 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s2))))
            (v128.store offset=48 (local.get $o)
              (f64x2.sub (v128.load offset=48 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s3))))
          ) (else
            (v128.store offset=0 (local.get $o) (local.get $s0))
            (v128.store offset=16 (local.get $o) (local.get $s1))
            (v128.store offset=32 (local.get $o) (local.get $s2))
            (v128.store offset=48 (local.get $o) (local.get $s3))
          ))
        (local.set $o (i32.add (local.get $o) (local.get $outStride)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
      (return)))
    (if (i32.eq (local.get $w) (i32.const 2)) (then
      (block $rowsDone (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $q (i32.load (i32.add (local.get $S) (i32.mul (local.get $r) (local.get $SE)))))
        (local.set $pv (i32.add (i32.add (local.get $val) (i32.mul (local.get $r) (local.get $valStride)))
          (i32.shl (local.get $q) (i32.const 3))))
        (local.set $pi (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2))))
        (local.set $end (i32.add (local.get $idx)
          (i32.shl (i32.load (i32.add (local.get $E) (i32.mul (local.get $r) (local.get $SE)))) (i32.const 2))))
        (local.set $s0 (v128.const i64x2 0 0))
        (if (i32.lt_u (local.get $pi) (local.get $end)) (then
          (loop $next
            (local.set $v (v128.load64_splat (local.get $pv)))
            (local.set $m (i32.add (local.get $M) (i32.mul (i32.load (local.get $pi)) (local.get $stride))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $m)))))
            (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
            (local.set $pi (i32.add (local.get $pi) (i32.const 4)))
            (br_if $next (i32.lt_u (local.get $pi) (local.get $end))))))
        (if (local.get $descend) (then
            (v128.store offset=0 (local.get $o)
              (f64x2.sub (v128.load offset=0 (local.get $o)) (f64x2.mul (local.get $lr2) (local.get $s0))))
          ) (else
            (v128.store offset=0 (local.get $o) (local.get $s0))
          ))
        (local.set $o (i32.add (local.get $o) (local.get $outStride)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
      (return)))
    (if (i32.eq (local.get $w) (i32.const 1)) (then
      (block $rowsDone (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $q (i32.load (i32.add (local.get $S) (i32.mul (local.get $r) (local.get $SE)))))
        (local.set $pv (i32.add (i32.add (local.get $val) (i32.mul (local.get $r) (local.get $valStride)))
          (i32.shl (local.get $q) (i32.const 3))))
        (local.set $pi (i32.add (local.get $idx) (i32.shl (local.get $q) (i32.const 2))))
        (local.set $end (i32.add (local.get $idx)
          (i32.shl (i32.load (i32.add (local.get $E) (i32.mul (local.get $r) (local.get $SE)))) (i32.const 2))))
        (local.set $s (f64.const 0))
        (if (i32.lt_u (local.get $pi) (local.get $end)) (then
          (loop $next
            (local.set $m (i32.add (local.get $M) (i32.mul (i32.load (local.get $pi)) (local.get $stride))))
            (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $pv)) (f64.load (local.get $m)))))
            (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
            (local.set $pi (i32.add (local.get $pi) (i32.const 4)))
            (br_if $next (i32.lt_u (local.get $pi) (local.get $end))))))
        (if (local.get $descend) (then
            (f64.store (local.get $o) (f64.sub (f64.load (local.get $o)) (f64.mul (local.get $lr) (local.get $s))))
          ) (else
            (f64.store (local.get $o) (local.get $s))
          ))
        (local.set $o (i32.add (local.get $o) (local.get $outStride)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
      (return)))
  )

  ;; The byte offset of the panel starting at column j of a Mrows-row matrix in panels.
  (func $panelAt (param $M i32) (param $Mrows i32) (param $j i32) (result i32)
    (i32.add (local.get $M) (i32.shl (i32.mul (local.get $Mrows) (local.get $j)) (i32.const 3))))

  ;; out (rows x N, row-major) = x · M for CSR x (ptr from 0, idx, val) and M (Mrows x N) in
  ;; panels; with descend set, W (rows x N, in panels) -= lr * (x · M) instead, the gradient's
  ;; rows summed then applied as the descent `w -= lr*dw` does, never written out.
  (func (export "sparseTimes")
    (param $ptr i32) (param $idx i32) (param $val i32) (param $rows i32)
    (param $M i32) (param $Mrows i32) (param $N i32) (param $out i32) (param $descend i32) (param $lr f64)
    (local $j i32) (local $w i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $j) (local.get $N)))
      (local.set $w (call $width (i32.sub (local.get $N) (local.get $j))))
      (if (local.get $descend)
        (then (call $panel (call $panelAt (local.get $M) (local.get $Mrows) (local.get $j)) (i32.shl (local.get $w) (i32.const 3))
          (local.get $val) (i32.const 0) (local.get $idx) (local.get $ptr) (i32.add (local.get $ptr) (i32.const 4))
          (i32.const 4) (local.get $rows) (local.get $w)
          (call $panelAt (local.get $out) (local.get $rows) (local.get $j)) (i32.shl (local.get $w) (i32.const 3)) (i32.const 1) (local.get $lr)))
        (else (call $panel (call $panelAt (local.get $M) (local.get $Mrows) (local.get $j)) (i32.shl (local.get $w) (i32.const 3))
          (local.get $val) (i32.const 0) (local.get $idx) (local.get $ptr) (i32.add (local.get $ptr) (i32.const 4))
          (i32.const 4) (local.get $rows) (local.get $w)
          (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (i32.shl (local.get $N) (i32.const 3)) (i32.const 0) (f64.const 0))))
      (local.set $j (i32.add (local.get $j) (local.get $w)))
      (br $next)))
  )

  ;; out = A · M for dense A (rows x K) and row-major M (K x N): each row of A taken as a sparse
  ;; row whose entries are all K. iota: i32[K+1] holding 0, 1, ..., K.
  (func (export "denseTimes")
    (param $A i32) (param $rows i32) (param $K i32) (param $iota i32)
    (param $M i32) (param $N i32) (param $out i32)
    (local $j i32) (local $w i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $j) (local.get $N)))
      (local.set $w (call $width (i32.sub (local.get $N) (local.get $j))))
      (call $panel (i32.add (local.get $M) (i32.shl (local.get $j) (i32.const 3))) (i32.shl (local.get $N) (i32.const 3))
        (local.get $A) (i32.shl (local.get $K) (i32.const 3)) (local.get $iota) (local.get $iota) (i32.add (local.get $iota) (i32.shl (local.get $K) (i32.const 2)))
        (i32.const 0) (local.get $rows) (local.get $w)
        (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (i32.shl (local.get $N) (i32.const 3)) (i32.const 0) (f64.const 0))
      (local.set $j (i32.add (local.get $j) (local.get $w)))
      (br $next)))
  )

  ;; P = row-major A (rows x N) in panels, or, with back set, A = P back in rows.
  (func (export "panels") (param $A i32) (param $rows i32) (param $N i32) (param $P i32) (param $back i32)
    (local $j i32) (local $w i32) (local $r i32) (local $c i32) (local $a i32)
    (block $panelsDone (loop $panels
      (br_if $panelsDone (i32.ge_u (local.get $j) (local.get $N)))
      (local.set $w (call $width (i32.sub (local.get $N) (local.get $j))))
      (local.set $r (i32.const 0))
      (block $rowsDone (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $a (i32.add (local.get $A) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $N)) (local.get $j)) (i32.const 3))))
        (local.set $c (i32.const 0))
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $c) (local.get $w)))
          (if (local.get $back)
            (then (f64.store (local.get $a) (f64.load (local.get $P))))
            (else (f64.store (local.get $P) (f64.load (local.get $a)))))
          (local.set $a (i32.add (local.get $a) (i32.const 8)))
          (local.set $P (i32.add (local.get $P) (i32.const 8)))
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (br $next)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
      (local.set $j (i32.add (local.get $j) (local.get $w)))
      (br $panels)))
  )

  ;; The rows index[0..count) of a compact CSR matrix (ptr, col: u16, val: f32) gathered into a
  ;; CSR matrix (outPtr from 0, outCol: i32, outVal: f64), repeats allowed, as x_train[batch_idx].
  (func (export "gather")
    (param $ptr i32) (param $col i32) (param $val i32) (param $index i32) (param $count i32)
    (param $outPtr i32) (param $outCol i32) (param $outVal i32)
    (local $r i32) (local $q i32) (local $end i32) (local $at i32) (local $slot i32) (local $touched i32)
    ;; First touch the rows, a cache line's worth of entries apart, with loads that depend on
    ;; nothing, so that their misses (the data set is far larger than the caches) are waited for
    ;; together rather than one row start after another: the gather takes two fifths less time.
    ;; What they read is folded into outPtr[0], which the gather then overwrites, so that the
    ;; loads are kept.
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $r) (local.get $count)))
      (local.set $slot (i32.add (local.get $ptr) (i32.shl (i32.load (i32.add (local.get $index) (i32.shl (local.get $r) (i32.const 2)))) (i32.const 2))))
      (local.set $q (i32.load (local.get $slot)))
      (local.set $end (i32.load offset=4 (local.get $slot)))
      (block $rowDone (loop $line
        (br_if $rowDone (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $touched (i32.xor (local.get $touched)
          (i32.xor (i32.load16_u (i32.add (local.get $col) (i32.shl (local.get $q) (i32.const 1))))
            (i32.load (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 2)))))))
        ;; sixteen entries: a cache line of values, half a line of columns
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $line)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $next)))
    (i32.store (local.get $outPtr) (local.get $touched))
    (local.set $r (i32.const 0))
    (block $rowsDone (loop $row
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $count)))
      (local.set $slot (i32.add (local.get $ptr) (i32.shl (i32.load (i32.add (local.get $index) (i32.shl (local.get $r) (i32.const 2)))) (i32.const 2))))
      (local.set $q (i32.load (local.get $slot)))
      (local.set $end (i32.load offset=4 (local.get $slot)))
      (i32.store (i32.add (local.get $outPtr) (i32.shl (local.get $r) (i32.const 2))) (local.get $at))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (i32.store (i32.add (local.get $outCol) (i32.shl (local.get $at) (i32.const 2)))
          (i32.load16_u (i32.add (local.get $col) (i32.shl (local.get $q) (i32.const 1)))))
        (f64.store (i32.add (local.get $outVal) (i32.shl (local.get $at) (i32.const 3)))
          (f64.promote_f32 (f32.load (i32.add (local.get $val) (i32.shl (local.get $q) (i32.const 2))))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $next)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $row)))
    (i32.store (i32.add (local.get $outPtr) (i32.shl (local.get $count) (i32.const 2))) (local.get $at))
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

  ;; The two-lane sigmoid's constants, as globals: V8 rebuilds a v128.const from immediates with
  ;; three instructions at every use in the loop, and reads a mutable global with one load
  ;; (a sixth faster sigmoid). They are never written.
  (global $invLn2 (mut v128) (v128.const f64x2 1.44269504088896338700e+00 1.44269504088896338700e+00))
  (global $half (mut v128) (v128.const f64x2 0.5 0.5))
  (global $signBit (mut v128) (v128.const i64x2 0x8000000000000000 0x8000000000000000))
  (global $ln2Hi (mut v128) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
  (global $ln2Lo (mut v128) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))
  (global $P1 (mut v128) (v128.const f64x2 1.66666666666666019037e-01 1.66666666666666019037e-01))
  (global $P2 (mut v128) (v128.const f64x2 -2.77777777770155933842e-03 -2.77777777770155933842e-03))
  (global $P3 (mut v128) (v128.const f64x2 6.61375632143793436117e-05 6.61375632143793436117e-05))
  (global $P4 (mut v128) (v128.const f64x2 -1.65339022054652515390e-06 -1.65339022054652515390e-06))
  (global $P5 (mut v128) (v128.const f64x2 4.13813679705723846039e-08 4.13813679705723846039e-08))
  (global $one (mut v128) (v128.const f64x2 1 1))
  (global $two (mut v128) (v128.const f64x2 2 2))
  (global $bias (mut v128) (v128.const i64x2 1023 1023))
  (global $tiny (mut v128) (v128.const f64x2 0x1p-28 0x1p-28))
  (global $huge (mut v128) (v128.const f64x2 700 700))
  (global $halfLn2From (mut v128) (v128.const i64x2 0x3FD62E4200000000 0x3FD62E4200000000))
  (global $halfLn2To (mut v128) (v128.const i64x2 0x3FD62E4300000000 0x3FD62E4300000000))

  ;; Z[q] = 1 / (1 + exp(-A[q])) for q < count, two lanes at a time. For the common arguments
  ;; fdlibm's branches all compute the same reduction: k = round(x/ln2), hi = x - k*ln2HI,
  ;; lo = k*ln2LO, the same polynomial, then a scaling by 2^k. Pairs holding any argument its
  ;; special cases treat differently (tiny, near the 0.5*ln2 boundary, exactly 1, near overflow
  ;; or underflow, infinite) are done again through the scalar $exp, so every result is
  ;; Math.exp's. (Testing first and branching around the two-lane path is a third slower.)
  (func (export "sigmoid") (param $A i32) (param $Z i32) (param $count i32)
    (local $end i32) (local $x v128) (local $ax v128) (local $k v128) (local $t v128) (local $hi v128)
    (local $lo v128) (local $r v128) (local $tt v128) (local $c v128) (local $y v128)
    (local.set $end (i32.add (local.get $A) (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $A) (local.get $end)))
      (local.set $x (f64x2.neg (v128.load (local.get $A))))
      (local.set $k (i32x4.trunc_sat_f64x2_s_zero (f64x2.add
        (f64x2.mul (global.get $invLn2) (local.get $x))
        (v128.or (global.get $half) (v128.and (local.get $x) (global.get $signBit))))))
      (local.set $t (f64x2.convert_low_i32x4_s (local.get $k)))
      (local.set $hi (f64x2.sub (local.get $x)
        (f64x2.mul (local.get $t) (global.get $ln2Hi))))
      (local.set $lo (f64x2.mul (local.get $t) (global.get $ln2Lo)))
      (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
      (local.set $tt (f64x2.mul (local.get $r) (local.get $r)))
      (local.set $c (f64x2.sub (local.get $r) (f64x2.mul (local.get $tt)
        (f64x2.add (global.get $P1) (f64x2.mul (local.get $tt)
          (f64x2.add (global.get $P2) (f64x2.mul (local.get $tt)
            (f64x2.add (global.get $P3) (f64x2.mul (local.get $tt)
              (f64x2.add (global.get $P4)
                (f64x2.mul (local.get $tt) (global.get $P5))))))))))))
      (local.set $y (f64x2.sub (global.get $one) (f64x2.sub (f64x2.sub (local.get $lo)
        (f64x2.div (f64x2.mul (local.get $r) (local.get $c)) (f64x2.sub (global.get $two) (local.get $c))))
        (local.get $hi))))
      ;; y * 2^k, with k + 1023 put in the exponent field
      (v128.store (local.get $Z) (f64x2.div (global.get $one) (f64x2.add (global.get $one)
        (f64x2.mul (local.get $y) (i64x2.shl
          (i64x2.add (i64x2.extend_low_i32x4_s (local.get $k)) (global.get $bias)) (i32.const 52))))))
      (local.set $ax (f64x2.abs (local.get $x)))
      (if (v128.any_true (v128.or
            (v128.or
              (f64x2.lt (local.get $ax) (global.get $tiny))
              (f64x2.ge (local.get $ax) (global.get $huge)))
            (v128.or
              (v128.and
                (f64x2.ge (local.get $ax) (global.get $halfLn2From))
                (f64x2.lt (local.get $ax) (global.get $halfLn2To)))
              (f64x2.eq (local.get $x) (global.get $one)))))
        (then
          (f64.store (local.get $Z) (f64.div (f64.const 1) (f64.add (f64.const 1)
            (call $exp (f64x2.extract_lane 0 (local.get $x))))))
          (f64.store offset=8 (local.get $Z) (f64.div (f64.const 1) (f64.add (f64.const 1)
            (call $exp (f64x2.extract_lane 1 (local.get $x))))))))
      (local.set $A (i32.add (local.get $A) (i32.const 16)))
      (local.set $Z (i32.add (local.get $Z) (i32.const 16)))
      (br $next)))
    (if (i32.and (local.get $count) (i32.const 1)) (then
      (f64.store (local.get $Z) (f64.div (f64.const 1) (f64.add (f64.const 1) (call $exp (f64.neg (f64.load (local.get $A)))))))))
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
