;; MF Lab's ALS row kernel in WebAssembly (SIMD): the exact solve of many rows' normal equations
;;
;;   (base + Σ_t w_t x_t x_tᵀ + λ_r I) z_r = Σ_t y_t x_t
;;
;; for an even system size D, exactly as src/core/als.ts does it in TypeScript: gather the fixed
;; rows x_t of a row's entries transposed (D × kp, kp = k rounded up to even, padded with 0), add
;; the weighted Gram matrix to the upper triangle in 2×4 and 2×2 register blocks, two entries per
;; f64x2 lane pair, form the right-hand side, add λ_r on the diagonal, factor by Cholesky (a pivot
;; below 1e-12 times the largest diagonal entry means singular) and solve.
;;
;; Compiled by `npm run build:wasm` (wabt) into alsKernel.ts; the glue is src/core/alsWasm.ts.
;; All pointers are byte offsets into the exported memory; f64 arrays are 8-byte aligned, and the
;; scratch arrays (T, W, yb) 16-byte aligned.
(module
  (memory (export "memory") 1)

  ;; solve(...) → the number of singular rows, whose local indices are written to $sing.
  (func (export "solve")
    (param $D i32) (param $rows i32)
    (param $ptr i32) (param $other i32) (param $y i32) (param $w i32)
    (param $fixed i32) (param $base i32) (param $lam i32) (param $lambda f64)
    (param $target i32) (param $work i32) (param $kpmax i32) (param $sing i32)
    (result i32)
    (local $r i32) (local $s i32) (local $k i32) (local $kp i32) (local $count i32)
    (local $T i32) (local $W i32) (local $A i32) (local $b i32) (local $yb i32)
    (local $a i32) (local $t i32) (local $o i32) (local $row i32) (local $lr f64) (local $X i32) (local $pair v128)
    (local.set $T (local.get $work))
    (local.set $W (i32.add (local.get $T) (i32.shl (i32.mul (local.get $D) (local.get $kpmax)) (i32.const 3))))
    (local.set $yb (i32.add (local.get $W) (i32.shl (i32.mul (local.get $D) (local.get $kpmax)) (i32.const 3))))
    (local.set $A (i32.add (local.get $yb) (i32.shl (local.get $kpmax) (i32.const 3))))
    (local.set $b (i32.add (local.get $A) (i32.shl (i32.mul (local.get $D) (local.get $D)) (i32.const 3))))
    (local.set $r (i32.const 0))
    (block $done (loop $rowsLoop
      (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $s (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
      (local.set $k (i32.sub (i32.load (i32.add (local.get $ptr) (i32.shl (i32.add (local.get $r) (i32.const 1)) (i32.const 2)))) (local.get $s)))
      (local.set $kp (i32.and (i32.add (local.get $k) (i32.const 1)) (i32.const -2)))
      (local.set $row (i32.shl (local.get $kp) (i32.const 3)))
      ;; T[a][t] = fixed[other[s+t]][a]; yb[t] = y[s+t]; the padding entry (if any) is 0.
      (local.set $t (i32.const 0))
      (block $gd (loop $gl
        (br_if $gd (i32.ge_u (local.get $t) (local.get $k)))
        (local.set $o (i32.add (local.get $fixed)
          (i32.shl (i32.mul (i32.load (i32.add (local.get $other) (i32.shl (i32.add (local.get $s) (local.get $t)) (i32.const 2)))) (local.get $D)) (i32.const 3))))
        ;; two coordinates per load: x_t[a], x_t[a+1] go to rows a and a+1 of T (D even)
        (local.set $a (i32.const 0))
        (local.set $X (i32.add (local.get $T) (i32.shl (local.get $t) (i32.const 3))))
        (block $ad (loop $al
          (br_if $ad (i32.ge_u (local.get $a) (local.get $D)))
          (local.set $pair (v128.load (i32.add (local.get $o) (i32.shl (local.get $a) (i32.const 3)))))
          (f64.store (local.get $X) (f64x2.extract_lane 0 (local.get $pair)))
          (f64.store (i32.add (local.get $X) (local.get $row)) (f64x2.extract_lane 1 (local.get $pair)))
          (local.set $X (i32.add (local.get $X) (i32.shl (local.get $row) (i32.const 1))))
          (local.set $a (i32.add (local.get $a) (i32.const 2)))
          (br $al)))
        (f64.store (i32.add (local.get $yb) (i32.shl (local.get $t) (i32.const 3)))
          (f64.load (i32.add (local.get $y) (i32.shl (i32.add (local.get $s) (local.get $t)) (i32.const 3)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $gl)))
      (if (i32.ne (local.get $kp) (local.get $k))
        (then
          (f64.store (i32.add (local.get $yb) (i32.shl (local.get $k) (i32.const 3))) (f64.const 0))
          (local.set $a (i32.const 0))
          (block $pd (loop $pl
            (br_if $pd (i32.ge_u (local.get $a) (local.get $D)))
            (f64.store (i32.add (local.get $T) (i32.add (i32.mul (local.get $a) (local.get $row)) (i32.shl (local.get $k) (i32.const 3)))) (f64.const 0))
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (br $pl)))))
      ;; W = w ∘ T (row by row), when weighted.
      (local.set $X (local.get $T))
      (if (local.get $w)
        (then
          (local.set $X (local.get $W))
          (call $weigh (local.get $W) (local.get $T) (i32.add (local.get $w) (i32.shl (local.get $s) (i32.const 3))) (local.get $k) (local.get $kp) (local.get $D))))
      ;; A = base (or 0), then the Gram matrix, the right-hand side and λ_r.
      (if (local.get $base)
        (then (memory.copy (local.get $A) (local.get $base) (i32.shl (i32.mul (local.get $D) (local.get $D)) (i32.const 3))))
        (else (memory.fill (local.get $A) (i32.const 0) (i32.shl (i32.mul (local.get $D) (local.get $D)) (i32.const 3)))))
      (call $gram (local.get $A) (local.get $X) (local.get $T) (local.get $kp) (local.get $D))
      (memory.fill (local.get $b) (i32.const 0) (i32.shl (local.get $D) (i32.const 3)))
      (call $rhs (local.get $b) (local.get $T) (local.get $yb) (local.get $kp) (local.get $D))
      (local.set $lr (local.get $lambda))
      (if (local.get $lam)
        (then (local.set $lr (f64.load (i32.add (local.get $lam) (i32.shl (local.get $r) (i32.const 3)))))))
      (local.set $a (i32.const 0))
      (block $ld (loop $ll
        (br_if $ld (i32.ge_u (local.get $a) (local.get $D)))
        (local.set $o (i32.add (local.get $A) (i32.shl (i32.mul (local.get $a) (i32.add (local.get $D) (i32.const 1))) (i32.const 3))))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (local.get $lr)))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $ll)))
      (if (call $cholesky (local.get $A) (local.get $D))
        (then
          (call $cholSolve (local.get $A) (local.get $D) (local.get $b))
          (memory.copy
            (i32.add (local.get $target) (i32.shl (i32.mul (local.get $r) (local.get $D)) (i32.const 3)))
            (local.get $b)
            (i32.shl (local.get $D) (i32.const 3))))
        (else
          (i32.store (i32.add (local.get $sing) (i32.shl (local.get $count) (i32.const 2))) (local.get $r))
          (local.set $count (i32.add (local.get $count) (i32.const 1)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rowsLoop)))
    (local.get $count))

  ;; cg(...): K conjugate-gradient steps on each row's system, warm-started from the row in $target
  ;; and updated in place (as als.ts's conjugateGradientRow): r = b − A z, p = r; then K times
  ;; α = rᵀr / pᵀAp, z += αp, r −= αAp, p = r + (r'ᵀr' / rᵀr) p. A p is never formed as a matrix:
  ;; A p = base·p + λ_r p + Σ_t w_t (x_tᵀp) x_t, one fused pass over the row's entries (D even).
  (func (export "cg")
    (param $D i32) (param $rows i32)
    (param $ptr i32) (param $other i32) (param $y i32) (param $w i32)
    (param $fixed i32) (param $base i32) (param $lam i32) (param $lambda f64)
    (param $target i32) (param $work i32) (param $steps i32)
    (local $r i32) (local $s i32) (local $k i32) (local $t i32) (local $x i32) (local $xt i32)
    (local $res i32) (local $p i32) (local $Ap i32) (local $lr f64) (local $coef f64)
    (local $rs f64) (local $next f64) (local $pAp f64) (local $alpha f64) (local $step i32) (local $bytes i32)
    (local.set $bytes (i32.shl (local.get $D) (i32.const 3)))
    (local.set $res (local.get $work))
    (local.set $p (i32.add (local.get $res) (local.get $bytes)))
    (local.set $Ap (i32.add (local.get $p) (local.get $bytes)))
    (local.set $r (i32.const 0))
    (block $done (loop $rowsLoop
      (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $s (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
      (local.set $k (i32.sub (i32.load (i32.add (local.get $ptr) (i32.shl (i32.add (local.get $r) (i32.const 1)) (i32.const 2)))) (local.get $s)))
      (local.set $x (i32.add (local.get $target) (i32.mul (local.get $r) (local.get $bytes))))
      (local.set $lr (local.get $lambda))
      (if (local.get $lam)
        (then (local.set $lr (f64.load (i32.add (local.get $lam) (i32.shl (local.get $r) (i32.const 3)))))))
      ;; r = b − A z = Σ_t (y_t − w_t x_tᵀz) x_t − base·z − λ_r z
      (call $applyBase (local.get $res) (local.get $base) (local.get $x) (local.get $D) (local.get $lr))
      (call $scale (local.get $res) (f64.const -1) (local.get $D))
      (local.set $t (i32.const 0))
      (block $ed (loop $el
        (br_if $ed (i32.ge_u (local.get $t) (local.get $k)))
        (local.set $xt (i32.add (local.get $fixed)
          (i32.mul (i32.load (i32.add (local.get $other) (i32.shl (i32.add (local.get $s) (local.get $t)) (i32.const 2)))) (local.get $bytes))))
        (local.set $coef (f64.mul (call $weight (local.get $w) (i32.add (local.get $s) (local.get $t))) (call $dot (local.get $xt) (local.get $x) (local.get $D))))
        (local.set $coef (f64.sub (f64.load (i32.add (local.get $y) (i32.shl (i32.add (local.get $s) (local.get $t)) (i32.const 3)))) (local.get $coef)))
        (call $axpy (local.get $res) (local.get $coef) (local.get $xt) (local.get $D))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $el)))
      (memory.copy (local.get $p) (local.get $res) (local.get $bytes))
      (local.set $rs (call $dot (local.get $res) (local.get $res) (local.get $D)))
      (local.set $step (i32.const 0))
      (block $sd (loop $sl
        (br_if $sd (i32.ge_u (local.get $step) (local.get $steps)))
        (br_if $sd (i32.eqz (f64.gt (local.get $rs) (f64.const 0))))
        ;; Ap = base·p + λ_r p + Σ_t w_t (x_tᵀp) x_t
        (call $applyBase (local.get $Ap) (local.get $base) (local.get $p) (local.get $D) (local.get $lr))
        (local.set $t (i32.const 0))
        (block $ad (loop $al
          (br_if $ad (i32.ge_u (local.get $t) (local.get $k)))
          (local.set $xt (i32.add (local.get $fixed)
            (i32.mul (i32.load (i32.add (local.get $other) (i32.shl (i32.add (local.get $s) (local.get $t)) (i32.const 2)))) (local.get $bytes))))
          (local.set $coef (f64.mul (call $weight (local.get $w) (i32.add (local.get $s) (local.get $t))) (call $dot (local.get $xt) (local.get $p) (local.get $D))))
          (call $axpy (local.get $Ap) (local.get $coef) (local.get $xt) (local.get $D))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br $al)))
        (local.set $pAp (call $dot (local.get $p) (local.get $Ap) (local.get $D)))
        (br_if $sd (i32.eqz (f64.gt (local.get $pAp) (f64.const 0))))
        (local.set $alpha (f64.div (local.get $rs) (local.get $pAp)))
        (call $axpy (local.get $x) (local.get $alpha) (local.get $p) (local.get $D))
        (call $axpy (local.get $res) (f64.neg (local.get $alpha)) (local.get $Ap) (local.get $D))
        (local.set $next (call $dot (local.get $res) (local.get $res) (local.get $D)))
        ;; p = r + β p
        (call $scale (local.get $p) (f64.div (local.get $next) (local.get $rs)) (local.get $D))
        (call $axpy (local.get $p) (f64.const 1) (local.get $res) (local.get $D))
        (local.set $rs (local.get $next))
        (local.set $step (i32.add (local.get $step) (i32.const 1)))
        (br $sl)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rowsLoop))))

  ;; w[q] when weighted ($w ≠ 0), else 1.
  (func $weight (param $w i32) (param $q i32) (result f64)
    (if (result f64) (local.get $w)
      (then (f64.load (i32.add (local.get $w) (i32.shl (local.get $q) (i32.const 3)))))
      (else (f64.const 1))))

  ;; Σ_a x[a]·y[a] (D even).
  (func $dot (param $x i32) (param $y i32) (param $D i32) (result f64)
    (local $end i32) (local $acc v128)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $D) (i32.const 3))))
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $x) (local.get $end)))
      (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (v128.load (local.get $x)) (v128.load (local.get $y)))))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (local.set $y (i32.add (local.get $y) (i32.const 16)))
      (br $l)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))

  ;; y += α x (D even).
  (func $axpy (param $y i32) (param $alpha f64) (param $x i32) (param $D i32)
    (local $end i32) (local $va v128)
    (local.set $va (f64x2.splat (local.get $alpha)))
    (local.set $end (i32.add (local.get $y) (i32.shl (local.get $D) (i32.const 3))))
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $y) (local.get $end)))
      (v128.store (local.get $y) (f64x2.add (v128.load (local.get $y)) (f64x2.mul (local.get $va) (v128.load (local.get $x)))))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (local.set $y (i32.add (local.get $y) (i32.const 16)))
      (br $l))))

  ;; x *= α (D even).
  (func $scale (param $x i32) (param $alpha f64) (param $D i32)
    (local $end i32) (local $va v128)
    (local.set $va (f64x2.splat (local.get $alpha)))
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $D) (i32.const 3))))
    (block $d (loop $l
      (br_if $d (i32.ge_u (local.get $x) (local.get $end)))
      (v128.store (local.get $x) (f64x2.mul (local.get $va) (v128.load (local.get $x))))
      (local.set $x (i32.add (local.get $x) (i32.const 16)))
      (br $l))))

  ;; out = base·v + λ v (base full D×D, or absent when $base = 0).
  (func $applyBase (param $out i32) (param $base i32) (param $v i32) (param $D i32) (param $lambda f64)
    (local $a i32) (local $bytes i32)
    (local.set $bytes (i32.shl (local.get $D) (i32.const 3)))
    (memory.copy (local.get $out) (local.get $v) (local.get $bytes))
    (call $scale (local.get $out) (local.get $lambda) (local.get $D))
    (if (local.get $base)
      (then
        (local.set $a (i32.const 0))
        (block $d (loop $l
          (br_if $d (i32.ge_u (local.get $a) (local.get $D)))
          (local.set $bytes (i32.add (local.get $out) (i32.shl (local.get $a) (i32.const 3))))
          (f64.store (local.get $bytes) (f64.add (f64.load (local.get $bytes))
            (call $dot (i32.add (local.get $base) (i32.mul (local.get $a) (i32.shl (local.get $D) (i32.const 3)))) (local.get $v) (local.get $D))))
          (local.set $a (i32.add (local.get $a) (i32.const 1)))
          (br $l))))))

  ;; W[a][t] = w[t]·T[a][t] for t < k, 0 for the padding entry.
  (func $weigh (param $W i32) (param $T i32) (param $w i32) (param $k i32) (param $kp i32) (param $D i32)
    (local $a i32) (local $t i32) (local $o i32)
    (local.set $a (i32.const 0))
    (block $ad (loop $al
      (br_if $ad (i32.ge_u (local.get $a) (local.get $D)))
      (local.set $t (i32.const 0))
      (block $td (loop $tl
        (br_if $td (i32.ge_u (local.get $t) (local.get $kp)))
        (local.set $o (i32.shl (i32.add (i32.mul (local.get $a) (local.get $kp)) (local.get $t)) (i32.const 3)))
        (f64.store (i32.add (local.get $W) (local.get $o))
          (select
            (f64.mul (f64.load (i32.add (local.get $w) (i32.shl (local.get $t) (i32.const 3)))) (f64.load (i32.add (local.get $T) (local.get $o))))
            (f64.const 0)
            (i32.lt_u (local.get $t) (local.get $k))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tl)))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $al))))

  ;; b[a] = Σ_t T[a][t]·yb[t], two entries per lane pair and two rows a at a time (D even).
  (func $rhs (param $b i32) (param $T i32) (param $yb i32) (param $kp i32) (param $D i32)
    (local $a i32) (local $t i32) (local $row i32) (local $x0 i32) (local $x1 i32) (local $y v128)
    (local $acc0 v128) (local $acc1 v128)
    (local.set $row (i32.shl (local.get $kp) (i32.const 3)))
    (local.set $a (i32.const 0))
    (block $ad (loop $al
      (br_if $ad (i32.ge_u (local.get $a) (local.get $D)))
      (local.set $x0 (i32.add (local.get $T) (i32.mul (local.get $a) (local.get $row))))
      (local.set $x1 (i32.add (local.get $x0) (local.get $row)))
      (local.set $acc0 (v128.const f64x2 0 0))
      (local.set $acc1 (v128.const f64x2 0 0))
      (local.set $t (i32.const 0))
      (block $td (loop $tl
        (br_if $td (i32.ge_u (local.get $t) (local.get $row)))
        (local.set $y (v128.load (i32.add (local.get $yb) (local.get $t))))
        (local.set $acc0 (f64x2.add (local.get $acc0) (f64x2.mul (v128.load (i32.add (local.get $x0) (local.get $t))) (local.get $y))))
        (local.set $acc1 (f64x2.add (local.get $acc1) (f64x2.mul (v128.load (i32.add (local.get $x1) (local.get $t))) (local.get $y))))
        (local.set $t (i32.add (local.get $t) (i32.const 16)))
        (br $tl)))
      (call $add2 (i32.add (local.get $b) (i32.shl (local.get $a) (i32.const 3))) (local.get $acc0) (local.get $acc1))
      (local.set $a (i32.add (local.get $a) (i32.const 2)))
      (br $al))))

  ;; A[a][c] += Σ_t X[a][t]·T[c][t] over the upper triangle, in 2×4 then 2×2 blocks (D, kp even).
  ;; The diagonal blocks also write a few lower entries, which the Cholesky factorisation overwrites
  ;; before it reads them.
  (func $gram (param $A i32) (param $X i32) (param $T i32) (param $kp i32) (param $D i32)
    (local $a i32) (local $c i32) (local $t i32) (local $row i32)
    (local $x0 i32) (local $x1 i32) (local $t0 i32) (local $t1 i32) (local $t2 i32) (local $t3 i32)
    (local $s00 v128) (local $s01 v128) (local $s02 v128) (local $s03 v128)
    (local $s10 v128) (local $s11 v128) (local $s12 v128) (local $s13 v128)
    (local $va v128) (local $vb v128) (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128)
    (local $o i32)
    (local.set $row (i32.shl (local.get $kp) (i32.const 3)))
    (local.set $a (i32.const 0))
    (block $doneA (loop $loopA
      (br_if $doneA (i32.ge_u (local.get $a) (local.get $D)))
      (local.set $x0 (i32.add (local.get $X) (i32.mul (local.get $a) (local.get $row))))
      (local.set $x1 (i32.add (local.get $x0) (local.get $row)))
      (local.set $c (local.get $a))
      (block $done4 (loop $loop4
        (br_if $done4 (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get $D)))
        (local.set $t0 (i32.add (local.get $T) (i32.mul (local.get $c) (local.get $row))))
        (local.set $t1 (i32.add (local.get $t0) (local.get $row)))
        (local.set $t2 (i32.add (local.get $t1) (local.get $row)))
        (local.set $t3 (i32.add (local.get $t2) (local.get $row)))
        (local.set $s00 (v128.const f64x2 0 0)) (local.set $s01 (v128.const f64x2 0 0))
        (local.set $s02 (v128.const f64x2 0 0)) (local.set $s03 (v128.const f64x2 0 0))
        (local.set $s10 (v128.const f64x2 0 0)) (local.set $s11 (v128.const f64x2 0 0))
        (local.set $s12 (v128.const f64x2 0 0)) (local.set $s13 (v128.const f64x2 0 0))
        (local.set $t (i32.const 0))
        (block $doneT (loop $loopT
          (br_if $doneT (i32.ge_u (local.get $t) (local.get $row)))
          (local.set $va (v128.load (i32.add (local.get $x0) (local.get $t))))
          (local.set $vb (v128.load (i32.add (local.get $x1) (local.get $t))))
          (local.set $w0 (v128.load (i32.add (local.get $t0) (local.get $t))))
          (local.set $w1 (v128.load (i32.add (local.get $t1) (local.get $t))))
          (local.set $w2 (v128.load (i32.add (local.get $t2) (local.get $t))))
          (local.set $w3 (v128.load (i32.add (local.get $t3) (local.get $t))))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $va) (local.get $w0))))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $va) (local.get $w1))))
          (local.set $s02 (f64x2.add (local.get $s02) (f64x2.mul (local.get $va) (local.get $w2))))
          (local.set $s03 (f64x2.add (local.get $s03) (f64x2.mul (local.get $va) (local.get $w3))))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $vb) (local.get $w0))))
          (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $vb) (local.get $w1))))
          (local.set $s12 (f64x2.add (local.get $s12) (f64x2.mul (local.get $vb) (local.get $w2))))
          (local.set $s13 (f64x2.add (local.get $s13) (f64x2.mul (local.get $vb) (local.get $w3))))
          (local.set $t (i32.add (local.get $t) (i32.const 16)))
          (br $loopT)))
        (local.set $o (i32.add (local.get $A) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $D)) (local.get $c)) (i32.const 3))))
        (call $add2 (local.get $o) (local.get $s00) (local.get $s01))
        (call $add2 (i32.add (local.get $o) (i32.const 16)) (local.get $s02) (local.get $s03))
        (local.set $o (i32.add (local.get $o) (i32.shl (local.get $D) (i32.const 3))))
        (call $add2 (local.get $o) (local.get $s10) (local.get $s11))
        (call $add2 (i32.add (local.get $o) (i32.const 16)) (local.get $s12) (local.get $s13))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br $loop4)))
      (block $done2 (loop $loop2
        (br_if $done2 (i32.ge_u (local.get $c) (local.get $D)))
        (local.set $t0 (i32.add (local.get $T) (i32.mul (local.get $c) (local.get $row))))
        (local.set $t1 (i32.add (local.get $t0) (local.get $row)))
        (local.set $s00 (v128.const f64x2 0 0)) (local.set $s01 (v128.const f64x2 0 0))
        (local.set $s10 (v128.const f64x2 0 0)) (local.set $s11 (v128.const f64x2 0 0))
        (local.set $t (i32.const 0))
        (block $doneT2 (loop $loopT2
          (br_if $doneT2 (i32.ge_u (local.get $t) (local.get $row)))
          (local.set $va (v128.load (i32.add (local.get $x0) (local.get $t))))
          (local.set $vb (v128.load (i32.add (local.get $x1) (local.get $t))))
          (local.set $w0 (v128.load (i32.add (local.get $t0) (local.get $t))))
          (local.set $w1 (v128.load (i32.add (local.get $t1) (local.get $t))))
          (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $va) (local.get $w0))))
          (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $va) (local.get $w1))))
          (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $vb) (local.get $w0))))
          (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $vb) (local.get $w1))))
          (local.set $t (i32.add (local.get $t) (i32.const 16)))
          (br $loopT2)))
        (local.set $o (i32.add (local.get $A) (i32.shl (i32.add (i32.mul (local.get $a) (local.get $D)) (local.get $c)) (i32.const 3))))
        (call $add2 (local.get $o) (local.get $s00) (local.get $s01))
        (call $add2 (i32.add (local.get $o) (i32.shl (local.get $D) (i32.const 3))) (local.get $s10) (local.get $s11))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $loop2)))
      (local.set $a (i32.add (local.get $a) (i32.const 2)))
      (br $loopA))))

  ;; [p], [p+8] += (the sum of x's lanes, the sum of y's lanes)
  (func $add2 (param $p i32) (param $x v128) (param $y v128)
    (v128.store (local.get $p)
      (f64x2.add (v128.load (local.get $p))
        (f64x2.add
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x) (local.get $y))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x) (local.get $y))))))

  ;; In-place Cholesky A = L Lᵀ from the upper triangle (as linalg.ts's choleskyInPlace): 1 on
  ;; success, 0 when a pivot is not above 1e-12 times the largest diagonal entry.
  (func $cholesky (param $A i32) (param $D i32) (result i32)
    (local $i i32) (local $j i32) (local $k i32) (local $rowI i32) (local $rowJ i32)
    (local $s f64) (local $l f64) (local $max f64) (local $tol f64) (local $inv f64)
    (local.set $j (i32.const 0))
    (block $md (loop $ml
      (br_if $md (i32.ge_u (local.get $j) (local.get $D)))
      (local.set $max (f64.max (local.get $max)
        (f64.abs (f64.load (i32.add (local.get $A) (i32.shl (i32.mul (local.get $j) (i32.add (local.get $D) (i32.const 1))) (i32.const 3)))))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $ml)))
    (local.set $tol (f64.mul (f64.const 1e-12) (local.get $max)))
    (local.set $j (i32.const 0))
    (block $jd (loop $jl
      (br_if $jd (i32.ge_u (local.get $j) (local.get $D)))
      (local.set $rowJ (i32.add (local.get $A) (i32.shl (i32.mul (local.get $j) (local.get $D)) (i32.const 3))))
      (local.set $s (f64.load (i32.add (local.get $rowJ) (i32.shl (local.get $j) (i32.const 3)))))
      (local.set $k (i32.const 0))
      (block $kd (loop $kl
        (br_if $kd (i32.ge_u (local.get $k) (local.get $j)))
        (local.set $l (f64.load (i32.add (local.get $rowJ) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $s (f64.sub (local.get $s) (f64.mul (local.get $l) (local.get $l))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $kl)))
      ;; !(s > tol): also catches NaN
      (if (i32.eqz (f64.gt (local.get $s) (local.get $tol))) (then (return (i32.const 0))))
      (local.set $l (f64.sqrt (local.get $s)))
      (f64.store (i32.add (local.get $rowJ) (i32.shl (local.get $j) (i32.const 3))) (local.get $l))
      (local.set $inv (f64.div (f64.const 1) (local.get $l)))
      (local.set $i (i32.add (local.get $j) (i32.const 1)))
      (block $id (loop $il
        (br_if $id (i32.ge_u (local.get $i) (local.get $D)))
        (local.set $rowI (i32.add (local.get $A) (i32.shl (i32.mul (local.get $i) (local.get $D)) (i32.const 3))))
        (local.set $s (f64.load (i32.add (local.get $rowJ) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $k (i32.const 0))
        (block $kd2 (loop $kl2
          (br_if $kd2 (i32.ge_u (local.get $k) (local.get $j)))
          (local.set $s (f64.sub (local.get $s)
            (f64.mul (f64.load (i32.add (local.get $rowI) (i32.shl (local.get $k) (i32.const 3))))
                     (f64.load (i32.add (local.get $rowJ) (i32.shl (local.get $k) (i32.const 3)))))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $kl2)))
        (f64.store (i32.add (local.get $rowI) (i32.shl (local.get $j) (i32.const 3))) (f64.mul (local.get $s) (local.get $inv)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $il)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $jl)))
    (i32.const 1))

  ;; Solves L Lᵀ x = b in place in b (as linalg.ts's choleskySolveInPlace).
  (func $cholSolve (param $L i32) (param $D i32) (param $b i32)
    (local $i i32) (local $k i32) (local $s f64) (local $row i32)
    (local.set $i (i32.const 0))
    (block $fd (loop $fl
      (br_if $fd (i32.ge_u (local.get $i) (local.get $D)))
      (local.set $row (i32.add (local.get $L) (i32.shl (i32.mul (local.get $i) (local.get $D)) (i32.const 3))))
      (local.set $s (f64.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $k (i32.const 0))
      (block $kd (loop $kl
        (br_if $kd (i32.ge_u (local.get $k) (local.get $i)))
        (local.set $s (f64.sub (local.get $s)
          (f64.mul (f64.load (i32.add (local.get $row) (i32.shl (local.get $k) (i32.const 3))))
                   (f64.load (i32.add (local.get $b) (i32.shl (local.get $k) (i32.const 3)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $kl)))
      (f64.store (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3)))
        (f64.div (local.get $s) (f64.load (i32.add (local.get $row) (i32.shl (local.get $i) (i32.const 3))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $fl)))
    (local.set $i (local.get $D))
    (block $bd (loop $bl
      (br_if $bd (i32.eqz (local.get $i)))
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (local.set $s (f64.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $k (i32.add (local.get $i) (i32.const 1)))
      (block $kd2 (loop $kl2
        (br_if $kd2 (i32.ge_u (local.get $k) (local.get $D)))
        (local.set $s (f64.sub (local.get $s)
          (f64.mul (f64.load (i32.add (local.get $L) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $D)) (local.get $i)) (i32.const 3))))
                   (f64.load (i32.add (local.get $b) (i32.shl (local.get $k) (i32.const 3)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $kl2)))
      (f64.store (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3)))
        (f64.div (local.get $s) (f64.load (i32.add (local.get $L) (i32.shl (i32.mul (local.get $i) (i32.add (local.get $D) (i32.const 1))) (i32.const 3))))))
      (br $bl))))
)
