// Natural logarithm rounded to the nearest double. Math.log may be 1 ulp off; the C library
// numpy calls rounds correctly (in all but astronomically rare cases), and numpy's Gaussian
// sampler feeds log(r2) into every randn, so a 1-ulp difference there breaks bit-exactness.
// Method: x = 2^e * m with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m-1)/(m+1),
// evaluated in double-double arithmetic (about 100 bits), then rounded once.

const SPLIT = 134217729 // 2^27 + 1, Veltkamp's splitter

// Scratch outputs of the error-free transformations (avoids allocating a pair per operation).
let hi = 0
let lo = 0

/** hi + lo = a + b exactly. */
function twoSum(a: number, b: number): void {
  hi = a + b
  const bb = hi - a
  lo = a - (hi - bb) + (b - bb)
}

/** hi + lo = a * b exactly (Dekker's product, no fused multiply-add needed). */
function twoProd(a: number, b: number): void {
  hi = a * b
  const ca = SPLIT * a
  const ah = ca - (ca - a)
  const al = a - ah
  const cb = SPLIT * b
  const bh = cb - (cb - b)
  const bl = b - bh
  lo = ah * bh - hi + ah * bl + al * bh + al * bl
}

/** (ah + al) * (bh + bl), normalised into hi + lo. */
function mulDD(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh)
  const p = hi
  const e = lo + (ah * bl + al * bh)
  twoSum(p, e)
}

/** (ah + al) + (bh + bl), normalised into hi + lo. */
function addDD(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh)
  const s = hi
  const e = lo + al + bl
  twoSum(s, e)
}

/** 1/(2k+1) as double-doubles, for the atanh series. */
const INV_HI: number[] = []
const INV_LO: number[] = []
for (let k = 0; k <= 16; k++) {
  const n = 2 * k + 1
  const h = 1 / n
  twoProd(h, n)
  INV_HI.push(h)
  INV_LO.push((1 - hi - lo) / n)
}

const LN2_HI = 0.6931471805599453
const LN2_LO = 2.3190468138462996e-17
const SQRT2 = Math.SQRT2

export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x) // NaN, 0, negatives, Infinity: nothing to round
  let e = Math.floor(Math.log2(x))
  // two exact power-of-two scalings, as 2^e alone overflows for the largest and smallest doubles
  let m = x * 2 ** -(e >> 1) * 2 ** -(e - (e >> 1))
  // Math.log2 may miss by one near powers of two; exact rescaling by 2 fixes that
  while (m >= SQRT2) {
    m /= 2
    e++
  }
  while (m < SQRT2 / 2) {
    m *= 2
    e--
  }
  const f = m - 1 // exact (Sterbenz)

  // s = f / (2 + f) in double-double
  twoSum(2, f)
  const dh = hi
  const dl = lo
  const q1 = f / dh
  twoProd(q1, dh)
  const q2 = (f - hi - lo - q1 * dl) / dh
  twoSum(q1, q2)
  const sh = hi
  const sl = lo

  // P = sum_k t^k / (2k+1), t = s^2 <= 0.0295: terms past k = 5 are below 2^-30 and need only doubles
  mulDD(sh, sl, sh, sl)
  const th = hi
  const tl = lo
  let tail = INV_HI[16]
  for (let k = 15; k >= 6; k--) tail = INV_HI[k] + th * tail
  let ph = tail
  let pl = 0
  for (let k = 5; k >= 0; k--) {
    mulDD(th, tl, ph, pl)
    addDD(INV_HI[k], INV_LO[k], hi, lo)
    ph = hi
    pl = lo
  }

  // log m = 2 s P;  log x = e ln2 + log m
  mulDD(sh, sl, ph, pl)
  const lh = 2 * hi
  const ll = 2 * lo
  twoProd(e, LN2_HI)
  addDD(hi, lo + e * LN2_LO, lh, ll)
  return hi + lo
}
