// The host's reading of WebSocket frame headers (src/server/frames.ts) against frames built by
// hand from RFC 6455 section 5.2, fed whole, byte by byte and split at every header field.
import { describe, expect, it } from 'vitest'
import { FrameMeter } from '../../src/server/frames'

/** A client frame: FIN and opcode, the mask bit, a 7-, 16- or 64-bit length, a mask key, `length` payload bytes. */
function frame(fin: boolean, opcode: number, length: number): Buffer {
  const head = [(fin ? 0x80 : 0) | opcode]
  if (length < 126) head.push(0x80 | length)
  else if (length < 65536) head.push(0x80 | 126, length >> 8, length & 0xff)
  else head.push(0x80 | 127, 0, 0, 0, 0, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff)
  return Buffer.concat([Buffer.from([...head, 1, 2, 3, 4]), Buffer.alloc(length, 0x61)])
}

function meter() {
  const seen: string[] = []
  const m = new FrameMeter({ header: (bytes) => seen.push(`header ${bytes}`), messageEnd: () => seen.push('end') })
  return { m, seen }
}

describe('FrameMeter', () => {
  // a 5-byte text message, a 300-byte one (16-bit length), a 70,000-byte one (64-bit length),
  // a ping between the fragments of a message of 10 + 20 bytes
  const stream = Buffer.concat([frame(true, 1, 5), frame(true, 1, 300), frame(true, 2, 70_000), frame(false, 1, 10), frame(true, 9, 4), frame(true, 0, 20)])
  const expected = ['header 5', 'end', 'header 300', 'end', 'header 70000', 'end', 'header 10', 'header 30', 'end']

  it('reports each data message’s length from its headers, and its end; control frames count for nothing', () => {
    const { m, seen } = meter()
    m.feed(stream)
    expect(seen).toEqual(expected)
    expect(m.midFrame).toBe(false)
  })

  it('reads the same byte by byte, however the stream is cut', () => {
    const { m, seen } = meter()
    for (let i = 0; i < stream.length; i++) m.feed(stream.subarray(i, i + 1))
    expect(seen).toEqual(expected)
  })

  it('knows a frame is half-sent: mid-header and mid-payload', () => {
    const { m, seen } = meter()
    const f = frame(true, 1, 300)
    m.feed(f.subarray(0, 3))
    expect(m.midFrame).toBe(true)
    expect(seen).toEqual([])
    m.feed(f.subarray(3, 100))
    expect(m.midFrame).toBe(true)
    // the length is known before the payload has come
    expect(seen).toEqual(['header 300'])
    m.feed(f.subarray(100))
    expect(m.midFrame).toBe(false)
    expect(seen).toEqual(['header 300', 'end'])
  })
})
