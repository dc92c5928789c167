// Hostile clients against a real browser host process, on loopback: a flood of refused upgrades
// reset by the client, messages that are JSON but not calls, each kind of malformed frame, and
// random bytes after a good handshake. Bounded in count; afterwards the host must still answer.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { connect as tcp, type Socket } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { tempDir, until } from './tmp'

const ROOT = join(__dirname, '..', '..')
const TOKEN = 'fuzz-token-0123456789'
const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

async function startHost() {
  const db = join(tempDir(), 'lab.db')
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, 'src/server/main.ts', '--port', '0', '--db', db], { cwd: ROOT, env: { ...process.env, LAB_TOKEN: TOKEN } })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exited = new Promise<number | null>((r) => child.on('exit', r))
  cleanup.push(() => {
    child.kill('SIGKILL')
    return exited
  })
  const m = await until(() => /browser host: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out), 'the host URL', 30_000)
  return { port: Number(m[1]), child, stderr: () => err }
}

/** A raw TCP connection; resolves once connected. */
function raw(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = tcp({ host: '127.0.0.1', port }, () => resolve(s))
    s.once('error', reject)
  })
}

const upgradeRequest = (port: number, token: string): string =>
  `GET /api?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
  `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`

/** A good handshake on a raw socket, so that the frames after it can be anything. */
async function handshake(port: number): Promise<Socket> {
  const s = await raw(port)
  s.write(upgradeRequest(port, TOKEN))
  await new Promise<void>((resolve, reject) => {
    let head = ''
    const onData = (d: Buffer): void => {
      head += d.toString('latin1')
      if (!head.includes('\r\n\r\n')) return
      s.off('data', onData)
      if (head.startsWith('HTTP/1.1 101')) resolve()
      else reject(new Error(head.split('\r\n')[0]))
    }
    s.on('data', onData)
  })
  return s
}

/** One frame as RFC 6455 lays it out; `length` overrides the declared payload length. */
function frame(opts: { fin?: boolean; rsv?: number; opcode: number; payload?: Buffer; masked?: boolean; length?: bigint }): Buffer {
  const payload = opts.payload ?? Buffer.alloc(0)
  const masked = opts.masked ?? true
  const length = opts.length ?? BigInt(payload.length)
  const head = [((opts.fin ?? true) ? 0x80 : 0) | ((opts.rsv ?? 0) << 4) | opts.opcode]
  const maskBit = masked ? 0x80 : 0
  let ext = Buffer.alloc(0)
  if (length < 126n) head.push(maskBit | Number(length))
  else if (length < 65536n) {
    head.push(maskBit | 126)
    ext = Buffer.alloc(2)
    ext.writeUInt16BE(Number(length))
  } else {
    head.push(maskBit | 127)
    ext = Buffer.alloc(8)
    ext.writeBigUInt64BE(length)
  }
  const key = masked ? randomBytes(4) : Buffer.alloc(0)
  const body = Buffer.from(payload)
  if (masked) for (let i = 0; i < body.length; i++) body[i] ^= key[i % 4]
  return Buffer.concat([Buffer.from(head), ext, key, body])
}

/** Resolves when the host closes the connection (the client was dropped). */
const closed = (s: Socket): Promise<void> =>
  new Promise((resolve) => {
    s.on('error', () => {})
    s.resume()
    s.once('close', () => resolve())
  })

function call(ws: WebSocket, message: string): Promise<{ id: unknown; ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return new Promise((resolve) => {
    ws.once('message', (d) => resolve(JSON.parse(d.toString())))
    ws.send(message)
  })
}

async function client(port: number): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${TOKEN}`, { origin: `http://127.0.0.1:${port}` })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  cleanup.push(() => ws.terminate())
  return ws
}

/** A small deterministic generator, so that a failing random frame can be found again. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('browser host under hostile clients', () => {
  it('survives a reset flood, bad messages, every malformed frame and random frames, and still answers', async () => {
    const host = await startHost()
    const { port } = host
    const alive = async (): Promise<void> => {
      const ws = await client(port)
      expect(await call(ws, JSON.stringify({ id: 1, channel: 'runs:list' }))).toEqual({ id: 1, ok: true, value: [] })
      ws.terminate()
    }

    // 400 upgrades without the token, each reset by the client as soon as it is sent
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const s = await raw(port)
          s.on('error', () => {})
          s.write(upgradeRequest(port, 'wrong-token-000'), () => s.resetAndDestroy())
        })
      )
    }
    // and malformed HTTP, reset too
    for (let i = 0; i < 20; i++) {
      const s = await raw(port)
      s.on('error', () => {})
      s.write('GARBAGE \x00\x01 / HTTP/9\r\n\r\n', () => s.resetAndDestroy())
    }
    await alive()

    // messages that are JSON, or text, but not calls: each answered 'invalid', the connection kept
    const ws = await client(port)
    for (const message of ['null', '[]', '[1,2]', '42', '"text"', 'true', '{', 'x'.repeat(8 * 1024 * 1024), JSON.stringify('y'.repeat(4 * 1024 * 1024))]) {
      const answer = await call(ws, message)
      expect(answer).toMatchObject({ id: null, ok: false, error: { code: 'invalid' } })
    }
    expect(await call(ws, JSON.stringify({ id: { huge: true }, channel: 'runs:nope' }))).toMatchObject({ id: null, ok: false, error: { code: 'invalid', message: 'unknown channel "runs:nope"' } })
    expect(await call(ws, JSON.stringify({ id: 7, channel: 'runs:get', payload: null }))).toMatchObject({ id: 7, ok: false, error: { code: 'invalid' } })
    expect(await call(ws, JSON.stringify({ id: 8, channel: 'runs:list' }))).toEqual({ id: 8, ok: true, value: [] })
    ws.terminate()

    // each malformed frame drops its client, and only that client
    const text = (s: string): Buffer => Buffer.from(s)
    const malformed: [string, Buffer][] = [
      ['unmasked', frame({ opcode: 1, payload: text('{}'), masked: false })],
      ['bad opcode', frame({ opcode: 3, payload: text('{}') })],
      ['RSV bit', frame({ rsv: 2, opcode: 1, payload: text('{}') })],
      ['invalid UTF-8', frame({ opcode: 1, payload: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]) })],
      ['length over 2^53', frame({ opcode: 1, length: 2n ** 60n })],
      ['length over the limit', frame({ opcode: 1, length: 2n ** 31n })],
      ['fragmented control frame', frame({ fin: false, opcode: 9, payload: text('ping') })],
      ['control frame over 125 bytes', frame({ opcode: 9, payload: Buffer.alloc(200) })]
    ]
    for (const [what, bytes] of malformed) {
      const s = await handshake(port)
      const gone = closed(s)
      s.write(bytes)
      await gone.catch(() => {
        throw new Error(`${what}: not dropped`)
      })
    }
    await alive()

    // random frames after a good handshake, some reset mid-frame
    const rand = mulberry32(15)
    for (let i = 0; i < 60; i++) {
      const s = await handshake(port)
      s.on('error', () => {})
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)))
      if (rand() < 0.3) s.write(bytes, () => s.resetAndDestroy())
      else {
        s.write(bytes)
        s.destroy()
      }
    }
    await alive()

    expect(host.child.exitCode).toBe(null)
    // logged, a few lines a second at most
    expect(host.stderr()).toMatch(/host: dropped an upgrade: .*ECONNRESET/)
    expect(host.stderr().split('\n').length).toBeLessThan(100)
    expect(host.stderr()).not.toMatch(/Unhandled|ECONNRESET\n\s+at /)
  })
})
