// Numbers in a run file travel as base64 of little-endian floats (every platform Electron and
// Node ship on is little-endian): float64 for metrics and the small models, float32 for MNIST
// snapshots, exactly the precision the store keeps, so a run round-trips bit for bit.
import type { Params } from '../../engine/types'
import type { RunConfig } from '../../shared/config'
import { kindOf, type Shape } from '../../shared/kinds'
import { refuse } from './refuse'

export type Width = 4 | 8

export function encodeColumn(values: ArrayLike<number>, width: Width): string {
  const a = width === 4 ? Float32Array.from(values) : Float64Array.from(values)
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export function decodeColumn(text: unknown, width: Width, field: string): Float64Array {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) refuse(`${field} is not base64 text`)
  const bytes = Buffer.from(text as string, 'base64')
  if (bytes.length % width !== 0) refuse(`${field} holds ${bytes.length} bytes, not a whole number of ${width * 8}-bit floats`)
  // a view where the bytes are aligned for it (large buffers are), else an aligned copy
  const aligned = bytes.byteOffset % width === 0 ? bytes : new Uint8Array(bytes)
  const n = bytes.length / width
  const floats = width === 4 ? new Float32Array(aligned.buffer, aligned.byteOffset, n) : new Float64Array(aligned.buffer, aligned.byteOffset, n)
  return Float64Array.from(floats)
}

type Shapes = readonly Shape[]

/** The parameters the kind's engine emits, in file order, as [name, rows, cols] (its descriptor's). */
export const paramShapes = (config: RunConfig): Shapes => kindOf(config.kind).params(config)

/** The gradients beside them (d + name), for a kind whose records carry them. */
export const gradShapes = (config: RunConfig): Shapes => (kindOf(config.kind).grads ? paramShapes(config).map(([k, r, c]) => ['d' + k, r, c] as const) : [])

/** Matrices back to back in file order; a stored snapshot of another shape is a bug, said as such. */
export function packParams(p: Params, shapes: Shapes): Float64Array {
  const out = new Float64Array(shapes.reduce((n, [, r, c]) => n + r * c, 0))
  let at = 0
  for (const [name, rows, cols] of shapes) {
    const m = p[name]
    if (!m || m.rows !== rows || m.cols !== cols) throw new Error(`stored snapshot has no ${rows}x${cols} ${name}`)
    out.set(m.data, at)
    at += rows * cols
  }
  return out
}

export function unpackParams(values: Float64Array, shapes: Shapes, field: string, kind: string): Params {
  const expected = shapes.reduce((n, [, r, c]) => n + r * c, 0)
  if (values.length !== expected) {
    refuse(`${field} has ${values.length} numbers; a ${kind} run's ${shapes.map(([k, r, c]) => `${k} (${r}x${c})`).join(', ')} are ${expected}`)
  }
  const p: Params = {}
  let at = 0
  for (const [name, rows, cols] of shapes) {
    p[name] = { rows, cols, data: values.slice(at, (at += rows * cols)) }
  }
  return p
}
