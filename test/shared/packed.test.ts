import { describe, expect, it } from 'vitest'
import type { ProgressEvent } from '../../src/shared/api'
import { PACK_MIN, packProgress, unpackProgress } from '../../src/shared/packed'

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'))

// values whose shortest decimal form is long, tiny, huge or signed zero: JSON text and float64 bytes must agree exactly
const awkward = [0.1, -2.5, 1 / 3, 1e-300, -1.7976931348623157e308, 5e-324, -0, 123456.789]
const W1 = { rows: 784, cols: 2, data: Array.from({ length: 1568 }, (_, i) => awkward[i % awkward.length] * (i + 1)) }
const b1 = { rows: 1, cols: 2, data: [0.25, -0.75] }

const event = (): ProgressEvent => ({
  runId: 3,
  status: 'running',
  done: 200,
  total: 600,
  rate: 40,
  etaSeconds: 10,
  elapsedMs: 5000,
  records: [
    { step: 199, loss: 2.1 },
    { step: 200, loss: 2.0, testAcc: 0.5, params: { W1, b1 }, confusion: [1, 2] }
  ]
})

describe('packed progress events', () => {
  it('send a large matrix as base64 of its float64 bytes (little-endian) and leave small ones as arrays', () => {
    const sent = JSON.parse(JSON.stringify(packProgress(event(), toBase64)))
    const packed = sent.records[1].params.W1
    expect(packed.rows).toBe(784)
    expect(packed.data).toBeUndefined()
    const bytes = Buffer.from(packed.f64, 'base64')
    expect(bytes.length).toBe(1568 * 8)
    expect(bytes.readDoubleLE(0)).toBe(0.1)
    expect(bytes.readDoubleLE(8 * 1567)).toBe(W1.data[1567])
    expect(sent.records[1].params.b1).toEqual(b1)
    expect(sent.records[0]).toEqual({ step: 199, loss: 2.1 })
    expect(W1.data.length).toBeGreaterThanOrEqual(PACK_MIN)
  })

  it('come back exactly as the event that was packed, through JSON text', () => {
    const received = unpackProgress(JSON.parse(JSON.stringify(packProgress(event(), toBase64))), fromBase64)
    expect(received).toEqual(event())
    expect(Object.is(received.records[1].params!.W1.data[6], -0)).toBe(true)
  })

  it('leave an event without parameters untouched', () => {
    const e: ProgressEvent = { ...event(), records: [{ step: 1, loss: 1 }] }
    expect(packProgress(e, toBase64)).toBe(e)
  })
})
