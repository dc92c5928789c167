// The kernels for arrays that live outside any workspace (the forward pass and evaluation of
// any parameters): inputs are copied into a shared scratch workspace and the result copied out.
import type { Csr } from '../data'
import { f64Bytes, sparseBytes, Workspace } from './workspace'

export { scalarTimesW } from './scalar'
export { Workspace, compactBytes, f64Bytes, i32Bytes, sparseBytes, type CompactCsr } from './workspace'

let shared: Workspace | undefined

/** The scratch workspace, emptied, with room for `bytes` (replaced by a larger one when short). */
function scratch(bytes: number): Workspace {
  if (!shared || shared.bytes < bytes) shared = new Workspace(Math.max(bytes, 2 * (shared?.bytes ?? 0)))
  shared.reset()
  return shared
}

/** Copies rows from..to-1 of x into `into`, their row pointers rebased to start at 0. */
export function copyRows(x: Csr, from: number, to: number, into: Csr): void {
  const base = x.ptr[from]
  const nnz = x.ptr[to] - base
  into.rows = to - from
  for (let r = 0; r <= to - from; r++) into.ptr[r] = x.ptr[from + r] - base
  into.col.set(x.col.subarray(base, base + nnz))
  into.val.set(x.val.subarray(base, base + nnz))
}

/** out[(n-from)*H + j] = Σ_i x[n][i]·W[i*H + j] for the rows n = from..to-1 of x. */
export function timesW(x: Csr, from: number, to: number, W: Float64Array, H: number, out: Float64Array): void {
  const rows = to - from
  const nnz = x.ptr[to] - x.ptr[from]
  const ws = scratch(2 * f64Bytes(W.length) + f64Bytes(rows * H) + sparseBytes(rows, nnz))
  const w = ws.f64(W.length)
  w.set(W)
  const panels = ws.f64(W.length)
  ws.toPanels(w, H, panels)
  const xs = ws.sparse(rows, nnz)
  copyRows(x, from, to, xs)
  const o = ws.f64(rows * H)
  ws.sparseTimes(xs, panels, H, o)
  out.set(o)
}
