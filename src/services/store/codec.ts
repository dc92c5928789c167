// Snapshots as compact BLOBs: a small JSON header naming each matrix and its shape, then the
// numbers back to back (float64; float32 for MNIST, whose W1 alone is 50k numbers per snapshot).
import type { Matrix, Params } from '../../engine/types'

export interface SnapshotParts {
  params?: Params
  grads?: Params
  confusion?: number[]
}

interface Header {
  f32: boolean
  params?: [string, number, number][]
  grads?: [string, number, number][]
  confusion?: number
}

const shapes = (p?: Params): [string, number, number][] | undefined =>
  p && Object.entries(p).map(([k, m]) => [k, m.rows, m.cols])

export function encodeSnapshot(parts: SnapshotParts, f32: boolean): Buffer {
  const header: Header = { f32, params: shapes(parts.params), grads: shapes(parts.grads), confusion: parts.confusion?.length }
  const values: ArrayLike<number>[] = []
  for (const p of [parts.params, parts.grads]) if (p) for (const m of Object.values(p)) values.push(m.data)
  if (parts.confusion) values.push(parts.confusion)
  const count = values.reduce((n, v) => n + v.length, 0)
  const body = f32 ? new Float32Array(count) : new Float64Array(count)
  let at = 0
  for (const v of values) {
    body.set(v, at)
    at += v.length
  }
  const head = Buffer.from(JSON.stringify(header))
  const len = Buffer.alloc(4)
  len.writeUInt32LE(head.length)
  return Buffer.concat([len, head, Buffer.from(body.buffer, body.byteOffset, body.byteLength)])
}

export function decodeSnapshot(blob: Buffer): SnapshotParts {
  const headLen = blob.readUInt32LE(0)
  const header = JSON.parse(blob.subarray(4, 4 + headLen).toString()) as Header
  // copy out of the blob: its offset need not be aligned for a typed-array view
  const raw = blob.buffer.slice(blob.byteOffset + 4 + headLen, blob.byteOffset + blob.byteLength)
  const body = header.f32 ? new Float32Array(raw) : new Float64Array(raw)
  let at = 0
  const take = (n: number): Float64Array => Float64Array.from(body.subarray(at, (at += n)))
  const matrices = (list?: [string, number, number][]): Params | undefined =>
    list &&
    Object.fromEntries(list.map(([k, rows, cols]): [string, Matrix] => [k, { rows, cols, data: take(rows * cols) }]))
  const params = matrices(header.params)
  const grads = matrices(header.grads)
  const confusion = header.confusion === undefined ? undefined : Array.from(take(header.confusion))
  return { params, grads, confusion }
}
