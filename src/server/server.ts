// The browser host: the built renderer over HTTP and LabApi over a WebSocket at /api, on
// 127.0.0.1 only. A per-launch token and an Origin check keep other local pages out.
// No client can take the host down: every socket has an error listener, a malformed frame or
// message drops that client (logged), and a refused upgrade is answered and closed. No client
// can starve the others or fill the host's memory: calls are served in turn (turns.ts), large
// imports and exports are bounded per client and host-wide before their work starts, and a
// socket that stops mid-frame or stops answering pings is closed (limits.ts).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Channel } from '../shared/api'
import { parseRunConfig } from '../shared/config'
import { MAX_MESSAGE_BYTES, runFileBound } from '../shared/run-budget'
import { packProgress } from '../shared/packed'
import type { CallMessage } from '../shared/protocol'
import type { LabService } from '../services/lab-service'
import { FrameMeter } from './frames'
import { LARGE_BYTES, LargeWork, ONE_PER_CLIENT, SOCKET_TIMEOUT_MS } from './limits'
import { hostLog, type HostLog } from './log'
import { Turns, type Queue } from './turns'
import { staticHandler } from './static'
import { sameToken } from './token'

export interface HostOptions {
  service: LabService
  rendererDir: string
  port: number
  token: string
  /** Where dropped clients are reported; stderr, at most a few lines a second, by default. */
  log?: HostLog
  /** SOCKET_TIMEOUT_MS unless given (tests shorten it). */
  socketTimeoutMs?: number
}

export interface RunningHost {
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

/**
 * A client that stops reading is dropped once this much is queued for it: twice the largest
 * answer (a run file), so a slow but live client is never cut off.
 */
const MAX_QUEUED_BYTES = 2 * MAX_MESSAGE_BYTES

/** A call's id is echoed back: a number or a short text, anything else is answered with null. */
const echoId = (id: unknown): number | string | null =>
  typeof id === 'number' || (typeof id === 'string' && id.length <= 100) ? id : null

/** A call as received: nothing in it but its id is trusted until LabService has validated it. */
type Call = { [K in keyof CallMessage]: K extends 'id' ? number | string | null : unknown }

function parseCall(text: string): Call | null {
  let call: unknown
  try {
    call = JSON.parse(text)
  } catch {
    return null
  }
  // null, arrays, numbers and strings are JSON too, but not calls
  if (typeof call !== 'object' || call === null || Array.isArray(call)) return null
  const c = call as { id?: unknown; channel?: unknown; payload?: unknown }
  return { id: echoId(c.id), channel: c.channel, payload: c.payload }
}

/** What the host shares between its clients. */
interface Shared {
  service: LabService
  log: HostLog
  turns: Turns
  large: LargeWork
  timeoutMs: number
}

/** The socket timeout is watched in this many ticks. */
const TICKS = 4

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

/** The bytes a run file export may take, from its configuration's bound, before it is built. */
async function exportEstimate(service: LabService, payload: unknown): Promise<number | null> {
  const runId = (payload as { runId?: unknown } | null)?.runId
  const run = await service.handle('runs:get', { runId })
  if (!run.ok) return null
  try {
    return runFileBound(parseRunConfig(run.value.config, 'config'))
  } catch {
    return null
  }
}

/** One client: its socket, its queue of calls, its one large import or export, its timers. */
function serveSocket(ws: WebSocket, socket: Duplex, shared: Shared): void {
  const { service, log, turns, large } = shared
  const queue: Queue = turns.queue()
  /** Bytes this client's one large import or export holds of the host's budget; 0 when it has none. */
  let held = 0
  let refusing = false
  // silence is counted in ticks of the watch below, not by the clock: after the host was busy for
  // a while, a tick can run before the data that arrived meanwhile is read, and must not count it
  let quietTicks = 0
  const release = (): void => {
    large.release(held)
    held = 0
  }
  const send = (message: object, sent?: () => void): void => {
    if (ws.readyState !== ws.OPEN) return sent?.()
    if (ws.bufferedAmount > MAX_QUEUED_BYTES) {
      log('dropped a client that stopped reading its answers')
      ws.terminate()
      return sent?.()
    }
    ws.send(JSON.stringify(message), (err) => {
      if (err) log(`could not answer a client: ${err.message}`)
      sent?.()
    })
  }
  const refuse = (why: string): void => {
    send({ id: null, ok: false, error: { code: 'busy', message: `A message was refused before it was read: ${why}.` } })
  }
  const m = new FrameMeter({
    header: (bytes) => {
      if (bytes <= LARGE_BYTES || refusing) return
      const grow = bytes - (held > 0 && receiving ? held : 0)
      if (held > 0 && !receiving) return stopReading(ONE_PER_CLIENT)
      const why = large.reserve(grow)
      if (why !== null) return stopReading(why)
      held += grow
      receiving = true
    },
    messageEnd: () => {
      receiving = false
      if (refusing) ws.terminate()
    }
  })
  let receiving = false
  /** Reads no more of this client (ws buffers nothing more), answers why, and closes it once its message has ended. */
  const stopReading = (why: string): void => {
    refusing = true
    if (receiving) release()
    receiving = false
    for (const l of socket.listeners('data')) if (l !== meterListener) socket.off('data', l as (chunk: Buffer) => void)
    // ws may have paused the socket while it was busy: the rest is read here now, and dropped
    socket.resume()
    log(`refused a large message: ${why}`)
    refuse(why)
  }
  const meterListener = (chunk: Buffer): void => {
    quietTicks = 0
    m.feed(chunk)
  }
  socket.on('data', meterListener)

  const watch = setInterval(() => {
    // a socket ws paused (it is still handling what came) or one mid-answer is not silent on its own account
    if (socket.isPaused() || ws.bufferedAmount > 0) return
    quietTicks++
    if (quietTicks <= TICKS) {
      // asked twice within the timeout: a live client (a browser does it by itself) answers with a pong
      if (quietTicks % (TICKS / 2) === 0) ws.ping()
      return
    }
    log(m.midFrame ? `closed a client that sent part of a frame and then nothing for ${shared.timeoutMs} ms` : `closed a client that did not answer a ping for ${shared.timeoutMs} ms`)
    ws.terminate()
  }, shared.timeoutMs / TICKS)
  watch.unref()
  ws.on('pong', () => (quietTicks = 0))

  const unsubscribe = service.on('run:progress', (payload) => {
    // large matrices as base64 bytes: the renderer parses them in a few ms (src/shared/packed.ts)
    const packed = packProgress(payload, (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'))
    send({ event: 'run:progress', payload: packed })
  })
  ws.on('close', () => {
    unsubscribe()
    clearInterval(watch)
    turns.drop(queue)
    release()
  })
  // malformed frames (unmasked, bad opcode, RSV bits, invalid UTF-8, oversize) arrive here;
  // ws then closes the connection itself with the matching close code
  ws.on('error', (err) => log(`dropped a client: ${err.message}`))

  /** Starts one call; a large answer is reserved before its work, and released once sent. */
  const dispatch = async (call: Call, big: boolean): Promise<void> => {
    const answer = (envelope: object, sent = big ? release : undefined): void => send({ id: call.id, ...envelope }, sent)
    if (call.channel === 'export:runFile' && !big) {
      const busy = (message: string): void => answer({ ok: false, error: { code: 'busy', message } })
      if (held > 0) return busy(`This run file was not exported: ${ONE_PER_CLIENT}.`)
      const bytes = await exportEstimate(service, call.payload)
      if (bytes !== null) {
        if (held > 0) return busy(`This run file was not exported: ${ONE_PER_CLIENT}.`)
        const why = large.reserve(bytes)
        if (why !== null) return busy(`This run file of up to ${mib(bytes)} was not exported: ${why}.`)
        held = bytes
        big = true
      }
    }
    let envelope: object
    try {
      envelope = await service.handle(call.channel as Channel, call.payload)
    } catch (err) {
      // handle() answers every failure itself; this is the last line, never a crash
      envelope = { ok: false, error: { code: 'internal', message: (err as Error).message } }
    }
    answer(envelope)
  }

  ws.on('message', (raw, isBinary) => {
    if (refusing) return
    const bytes = (raw as Buffer).length
    const call = isBinary ? null : parseCall(raw.toString())
    const big = bytes > LARGE_BYTES && held > 0
    if (!call) {
      if (big) release()
      send({ id: null, ok: false, error: { code: 'invalid', message: 'a message must be a JSON object { id, channel, payload }' } })
      return
    }
    turns.add(queue, () => void dispatch(call, big))
  })
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const log = opts.log ?? hostLog((line) => process.stderr.write(`host: ${line}\n`))
  const timeoutMs = opts.socketTimeoutMs ?? SOCKET_TIMEOUT_MS
  const shared: Shared = { service: opts.service, log, turns: new Turns(), large: new LargeWork(), timeoutMs }
  // an HTTP request (an upgrade included) whose headers are not in after the timeout is closed
  const server = createServer(
    { headersTimeout: timeoutMs, requestTimeout: timeoutMs, connectionsCheckingInterval: Math.max(10, timeoutMs / 4) },
    staticHandler(opts.rendererDir)
  )
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  wss.on('error', (err) => log(`WebSocket server error: ${err.message}`))
  server.on('error', (err) => log(`server error: ${err.message}`))
  // malformed HTTP: answer 400 when the socket can still take it, then close it
  server.on('clientError', (err: Error, socket: Duplex) => {
    log(`dropped a client: ${err.message}`)
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    socket.destroy()
  })
  server.on('upgrade', (req, socket, head) => {
    // a client may reset the connection at any moment, before or after our answer
    socket.on('error', (err) => log(`dropped an upgrade: ${err.message}`))
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const port = (server.address() as AddressInfo).port
    const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
    const reject = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
    }
    if (url.pathname !== '/api') return reject('404 Not Found')
    if (!sameToken(url.searchParams.get('token'), opts.token)) return reject('403 Forbidden')
    if (!origins.includes(req.headers.origin ?? '')) return reject('403 Forbidden')
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, socket, shared))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject)
      const port = (server.address() as AddressInfo).port
      resolve({
        server,
        port,
        url: `http://127.0.0.1:${port}/?token=${opts.token}`,
        close: () =>
          new Promise<void>((done) => {
            for (const c of wss.clients) c.terminate()
            wss.close()
            server.close(() => done())
          })
      })
    })
  })
}
