// Small float64 matrix helpers with the shapes the notebook uses. A numpy vector (n,) is a
// 1 x n Matrix, so `dot` of a vector and a matrix gives a vector, as np.dot does.
import type { Matrix } from './types'

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  if (data && data.length !== rows * cols) {
    throw new RangeError(`a ${rows}x${cols} matrix needs ${rows * cols} values, got ${data.length}`)
  }
  return { rows, cols, data: data ? new Float64Array(data) : new Float64Array(rows * cols) }
}

export const zeros = (rows: number, cols: number): Matrix => matrix(rows, cols)

/** A numpy vector (n,) as a 1 x n matrix. */
export const vector = (values: ArrayLike<number>): Matrix => matrix(1, values.length, values)

export function fromRows(rows: number[][]): Matrix {
  const cols = rows[0]?.length ?? 0
  if (rows.some((r) => r.length !== cols)) throw new RangeError('every row needs the same number of values')
  return matrix(rows.length, cols, rows.flat())
}

export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)))
}

export const copy = (m: Matrix): Matrix => matrix(m.rows, m.cols, m.data)

/** np.reshape: same values (shared, like numpy's view), new shape. */
export function reshape(m: Matrix, rows: number, cols: number): Matrix {
  if (rows * cols !== m.data.length) throw new RangeError(`cannot reshape ${m.rows}x${m.cols} into ${rows}x${cols}`)
  return { rows, cols, data: m.data }
}

export function transpose(m: Matrix): Matrix {
  const out = zeros(m.cols, m.rows)
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out.data[j * m.rows + i] = m.data[i * m.cols + j]
  return out
}

/** (n,k)·(k,m) -> (n,m). */
export function dot(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`dot: shapes ${a.rows}x${a.cols} and ${b.rows}x${b.cols} do not align`)
  const out = zeros(a.rows, b.cols)
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0
      for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k] * b.data[k * b.cols + j]
      out.data[i * b.cols + j] = s
    }
  }
  return out
}

/** Elementwise a + b with numpy's broadcasting of size-1 dimensions: (4,1) + (1,2) -> (4,2). */
export function add(a: Matrix, b: Matrix): Matrix {
  const rows = broadcastDim(a.rows, b.rows)
  const cols = broadcastDim(a.cols, b.cols)
  if (rows < 0 || cols < 0) throw new RangeError(`add: shapes ${a.rows}x${a.cols} and ${b.rows}x${b.cols} do not broadcast`)
  // a size-1 dimension is read again and again: its stride is 0
  const [ar, ac] = [a.rows === 1 ? 0 : a.cols, a.cols === 1 ? 0 : 1]
  const [br, bc] = [b.rows === 1 ? 0 : b.cols, b.cols === 1 ? 0 : 1]
  const out = zeros(rows, cols)
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out.data[i * cols + j] = a.data[i * ar + j * ac] + b.data[i * br + j * bc]
  }
  return out
}

const broadcastDim = (m: number, n: number): number => (m === n || n === 1 ? m : m === 1 ? n : -1)

export function map(m: Matrix, f: (v: number) => number): Matrix {
  const out = zeros(m.rows, m.cols)
  for (let i = 0; i < m.data.length; i++) out.data[i] = f(m.data[i])
  return out
}

/** Sum of all elements, left to right (numpy sums arrays this small in the same order). */
export function sum(m: Matrix): number {
  let s = 0
  for (let i = 0; i < m.data.length; i++) s += m.data[i]
  return s
}

/** In place: a -= lr * b, the gradient-descent update. */
export function descend(a: Matrix, b: Matrix, lr: number): void {
  for (let i = 0; i < a.data.length; i++) a.data[i] -= lr * b.data[i]
}
