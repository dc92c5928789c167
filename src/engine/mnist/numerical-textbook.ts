// The change of the textbook loss when a few rows of A2 change, for the numerical gradient.
//
// L = 0.5*[10B*log S - sum_n a[n,t_n] - sum_{t=0} log(S - e)], e = exp(a), S = sum(e).
// With dS = sum of the changed entries' de, the change is
//   0.5*[10B*log1p(dS/S) - sum_changed da_t - sum_{all t=0} log1p(dS/(S-e)) - C],
//   C = sum_{changed t=0} log1p(-a/(1 + dS/(S-e))),  a = de/(S-e)
// (C puts back, for the changed entries, their own change on top of dS). The sum over all t=0
// entries is a power series in dS over R_k = sum 1/(S-e)^k, and C is expanded to third order in
// a and dS/(S-e) from the power sums below; both fall back to direct sums when not tiny.
import { CLASSES as importedClasses } from './data'
import * as series from './series'
import type { LossChange } from './numerical-loss'

// Local copies: imported bindings compile to getters under tsx and vitest, too slow in hot loops.
const CLASSES = importedClasses
const expm1s = series.expm1s
const log1ps = series.log1ps

/** Per (row n, hidden unit j): coefficients of the sums in u = dZ1[n][j] (dA2[n][k] = u*W2[j][k]). */
const COEFS = 16

export function textbookChange(A2: Float64Array, labels: ArrayLike<number>, W2: Float64Array, H: number): LossChange {
  const B = labels.length
  const e = A2.map(Math.exp)
  let S = 0
  for (let q = 0; q < e.length; q++) S += e[q]
  const r = new Float64Array(e.length)
  let R1 = 0, R2 = 0, R3 = 0, R4 = 0, rmax = 0
  for (let n = 0; n < B; n++) {
    for (let k = 0; k < CLASSES; k++) {
      if (labels[n] === k) continue
      const q = n * CLASSES + k
      const rq = 1 / (S - e[q])
      r[q] = rq
      R1 += rq
      R2 += rq * rq
      R3 += rq * rq * rq
      R4 += rq * rq * rq * rq
      if (rq > rmax) rmax = rq
    }
  }

  /** C from the power sums of a over the changed t=0 entries; NaN when dS/(S-e) is not tiny. */
  const expandedC = (dS: number, sa: number, sar: number, saa: number, sarr: number, saar: number, saaa: number): number =>
    Math.abs(dS) * rmax < 1e-5
      ? -sa + dS * sar - saa / 2 - dS * dS * sarr + dS * saar - saaa / 3 // omitted: fourth order, < 1e-15 relative
      : NaN

  const finish = (dS: number, daT: number, C: number): number => {
    let sum = CLASSES * B * log1ps(dS / S) - daT - C
    if (Math.abs(dS) * rmax < 1e-4) {
      // first omitted term: dS^5*R5/5 <= dS*R1*(dS*rmax)^4/5, below 1e-16 relative
      sum -= dS * (R1 - dS * (R2 / 2 - dS * (R3 / 3 - (dS * R4) / 4)))
    } else {
      for (let q = 0; q < r.length; q++) if (r[q] !== 0) sum -= Math.log1p(dS * r[q])
    }
    return 0.5 * sum
  }

  const de = new Float64Array(e.length)
  const isT = new Uint8Array(e.length)
  for (let n = 0; n < B; n++) isT[n * CLASSES + labels[n]] = 1

  const exact = (count: number, at: Int32Array, dA: Float64Array): number => {
    let dS = 0, daT = 0, amax = 0
    let sa = 0, sar = 0, saa = 0, sarr = 0, saar = 0, saaa = 0
    for (let c = 0; c < count; c++) {
      const q = at[c]
      const da = dA[c]
      const v = e[q] * expm1s(da)
      de[c] = v
      dS += v
      if (isT[q]) {
        daT += da
        continue
      }
      const rq = r[q]
      const a = v * rq
      const aa = a * a
      sa += a
      sar += a * rq
      saa += aa
      sarr += a * rq * rq
      saar += aa * rq
      saaa += aa * a
      if (Math.abs(a) > amax) amax = Math.abs(a)
    }
    let C = amax < 1e-5 ? expandedC(dS, sa, sar, saa, sarr, saar, saaa) : NaN
    if (C !== C) {
      C = 0
      for (let c = 0; c < count; c++) {
        const rq = r[at[c]]
        if (rq !== 0) C += Math.log1p((-de[c] * rq) / (1 + dS * rq))
      }
    }
    return finish(dS, daT, C)
  }

  // With a_k = e_k r_k expm1(u w_k), every sum is a polynomial in u whose coefficients depend
  // only on (n, j): computed once, they make a nudged row cost a few multiply-adds.
  const coef = new Float64Array(B * H * COEFS)
  for (let n = 0; n < B; n++) {
    const t = labels[n]
    for (let j = 0; j < H; j++) {
      const at = (n * H + j) * COEFS
      let P1 = 0, P2 = 0, P3 = 0, P4 = 0, A1 = 0, A2s = 0, A3 = 0, A4 = 0
      let Ar1 = 0, Ar2 = 0, Q2 = 0, Q3 = 0, X1 = 0, Y2 = 0, Z3 = 0, amax = 0, wmax = 0
      for (let k = 0; k < CLASSES; k++) {
        const w = W2[j * CLASSES + k]
        const ek = e[n * CLASSES + k]
        const w2 = w * w, w3 = w2 * w, w4 = w3 * w
        P1 += ek * w
        P2 += ek * w2
        P3 += ek * w3
        P4 += ek * w4
        if (Math.abs(w) > wmax) wmax = Math.abs(w)
        if (k === t) continue
        const rk = r[n * CLASSES + k]
        const er = ek * rk
        A1 += er * w
        A2s += er * w2
        A3 += er * w3
        A4 += er * w4
        Ar1 += er * rk * w
        Ar2 += er * rk * w2
        Q2 += er * er * w2
        Q3 += er * er * w3
        X1 += er * rk * rk * w
        Y2 += er * er * rk * w2
        Z3 += er * er * er * w3
        if (Math.abs(er * w) > amax) amax = Math.abs(er * w)
      }
      coef[at] = P1
      coef[at + 1] = P2 / 2
      coef[at + 2] = P3 / 6
      coef[at + 3] = P4 / 24
      coef[at + 4] = A1
      coef[at + 5] = A2s / 2
      coef[at + 6] = A3 / 6
      coef[at + 7] = A4 / 24
      coef[at + 8] = Ar1
      coef[at + 9] = Ar2 / 2
      coef[at + 10] = Q2
      coef[at + 11] = Q3
      coef[at + 12] = X1
      coef[at + 13] = Y2
      coef[at + 14] = Z3
      // |u| below this keeps every a under 1e-5 and every u*w under 1e-4 (series exact)
      coef[at + 15] = Math.min(1e-5 / (2 * amax), 1e-4 / wmax)
    }
  }

  const hidden = (j: number, count: number, rows: Int32Array, from: number, u: Float64Array): number => {
    let dS = 0, daT = 0, sa = 0, sar = 0, saa = 0, sarr = 0, saar = 0, saaa = 0
    for (let c = 0; c < count; c++) {
      const n = rows[from + c]
      const at = (n * H + j) * COEFS
      const x = u[c]
      if (!(Math.abs(x) < coef[at + 15])) return NaN
      const xx = x * x
      dS += x * (coef[at] + x * (coef[at + 1] + x * (coef[at + 2] + x * coef[at + 3])))
      daT += x * W2[j * CLASSES + labels[n]]
      sa += x * (coef[at + 4] + x * (coef[at + 5] + x * (coef[at + 6] + x * coef[at + 7])))
      sar += x * (coef[at + 8] + x * coef[at + 9])
      saa += xx * (coef[at + 10] + x * coef[at + 11])
      sarr += x * coef[at + 12]
      saar += xx * coef[at + 13]
      saaa += xx * x * coef[at + 14]
    }
    const C = expandedC(dS, sa, sar, saa, sarr, saar, saaa)
    return C === C ? finish(dS, daT, C) : NaN
  }

  return { exact, hidden }
}
