// Large matrices in live progress events cross the browser host's WebSocket as base64 of their
// float64 bytes. As JSON numbers a 784x64 W1 is ~1 MB that the renderer parses in one 20-40 ms
// task (the renderer's 50 ms budget, docs/architecture.md); as bytes it decodes in ~2 ms
// and stays exact. Only that path packs: Electron's IPC clones arrays without text.
import type { ProgressEvent, WireMatrix, WireParams, WireStepRecord } from './api'

/** Matrices with fewer numbers stay plain arrays: they parse fast enough. */
export const PACK_MIN = 1024

export interface PackedMatrix {
  rows: number
  cols: number
  /** base64 of the data as little-endian float64 (row-major). */
  f64: string
}

type AnyMatrix = WireMatrix | PackedMatrix

function mapParams(p: Record<string, AnyMatrix>, f: (m: AnyMatrix) => AnyMatrix): Record<string, AnyMatrix> {
  return Object.fromEntries(Object.entries(p).map(([k, m]) => [k, f(m)]))
}

function mapRecords(e: ProgressEvent, f: (m: AnyMatrix) => AnyMatrix): ProgressEvent {
  if (!e.records.some((r) => r.params || r.grads)) return e
  const records = e.records.map((r): WireStepRecord => {
    if (!r.params && !r.grads) return r
    const out = { ...r } as WireStepRecord
    if (r.params) out.params = mapParams(r.params, f) as WireParams
    if (r.grads) out.grads = mapParams(r.grads, f) as WireParams
    return out
  })
  return { ...e, records }
}

/** The event as sent over the WebSocket; `encode` is the host's base64 of bytes. */
export function packProgress(e: ProgressEvent, encode: (bytes: Uint8Array) => string): unknown {
  return mapRecords(e, (m) => {
    if (!('data' in m) || m.data.length < PACK_MIN) return m
    const bytes = new Uint8Array(Float64Array.from(m.data).buffer)
    return { rows: m.rows, cols: m.cols, f64: encode(bytes) }
  })
}

/** The event as received from the WebSocket, its packed matrices back to plain arrays. */
export function unpackProgress(e: ProgressEvent, decode: (text: string) => Uint8Array): ProgressEvent {
  return mapRecords(e, (m) => {
    if (!('f64' in m)) return m
    let bytes = decode(m.f64)
    // a Float64Array view needs its byte offset aligned to 8
    if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice()
    const data = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8)
    return { rows: m.rows, cols: m.cols, data: Array.from(data) }
  })
}
