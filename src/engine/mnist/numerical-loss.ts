// What the numerical gradient needs from a loss: its change when a few rows of A2 change.

export interface LossChange {
  /**
   * L(A2 + dA) - L(A2) when only the listed entries of A2 change: A2[at[c]] (at = n*10 + k)
   * by dA[c], with the entries of one row next to each other.
   */
  exact(count: number, at: Int32Array, dA: Float64Array): number
  /**
   * The same when A2[n] changes by u[c]*W2[j] for the rows n = rows[from + c] (a hidden unit's
   * output moved by u[c]), from per-row power series; NaN when some u is too large for them.
   */
  hidden(j: number, count: number, rows: Int32Array, from: number, u: Float64Array): number
}
