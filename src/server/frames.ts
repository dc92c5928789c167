// Reads the frame headers of what a WebSocket client sends, beside the ws library (which parses
// the same bytes for real), so that the host knows a message's length from its first header,
// before the payload arrives and is buffered, and knows when a client stopped in mid-frame.
// RFC 6455 section 5.2: 2 bytes, then a 16- or 64-bit length when the 7-bit one is 126 or 127,
// then a 4-byte mask key when the mask bit is set; opcodes 8 and above are control frames.

export interface FrameEvents {
  /** A data frame's header: `bytes` is its message's length so far, this frame included. */
  header(bytes: number): void
  /** The last byte of a data message (a frame with FIN set) has arrived. */
  messageEnd(): void
}

function headerLength(h: number[]): number | null {
  if (h.length < 2) return null
  const len7 = h[1] & 0x7f
  return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + (h[1] & 0x80 ? 4 : 0)
}

function payloadLength(h: number[]): number {
  const len7 = h[1] & 0x7f
  if (len7 === 126) return (h[2] << 8) | h[3]
  if (len7 < 126) return len7
  // the 64-bit length: ws refuses anything past 2^53 itself; a Number holds up to there exactly
  let n = 0
  for (let i = 2; i < 10; i++) n = n * 256 + h[i]
  return n
}

export class FrameMeter {
  private header: number[] = []
  private payloadLeft = 0
  private fin = false
  private data = false
  private message = 0

  constructor(private readonly on: FrameEvents) {}

  /** True while a frame has been started and not finished. */
  get midFrame(): boolean {
    return this.header.length > 0 || this.payloadLeft > 0
  }

  feed(chunk: Buffer): void {
    let i = 0
    while (i < chunk.length) {
      if (this.payloadLeft > 0) {
        const n = Math.min(this.payloadLeft, chunk.length - i)
        this.payloadLeft -= n
        i += n
        if (this.payloadLeft === 0) this.frameEnd()
        continue
      }
      this.header.push(chunk[i++])
      const need = headerLength(this.header)
      if (need === null || this.header.length < need) continue
      const h = this.header
      this.header = []
      this.fin = (h[0] & 0x80) !== 0
      this.data = (h[0] & 0x0f) < 8
      this.payloadLeft = payloadLength(h)
      if (this.data) {
        this.message += this.payloadLeft
        this.on.header(this.message)
      }
      if (this.payloadLeft === 0) this.frameEnd()
    }
  }

  private frameEnd(): void {
    if (!this.data || !this.fin) return
    this.message = 0
    this.on.messageEnd()
  }
}
