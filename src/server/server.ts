// The browser host: the built renderer over HTTP and LabApi over a WebSocket at /api, on
// 127.0.0.1 only. A per-launch token and an Origin check keep other local pages out.
// No client can take the host down: every socket has an error listener, a malformed frame or
// message drops that client (logged), and a refused upgrade is answered and closed.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Channel } from '../shared/api'
import { MAX_MESSAGE_BYTES } from '../shared/run-budget'
import { packProgress } from '../shared/packed'
import type { CallMessage } from '../shared/protocol'
import type { LabService } from '../services/lab-service'
import { hostLog, type HostLog } from './log'
import { staticHandler } from './static'
import { sameToken } from './token'

export interface HostOptions {
  service: LabService
  rendererDir: string
  port: number
  token: string
  /** Where dropped clients are reported; stderr, at most a few lines a second, by default. */
  log?: HostLog
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

function serveSocket(ws: WebSocket, service: LabService, log: HostLog): void {
  const send = (message: object): void => {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > MAX_QUEUED_BYTES) {
      log('dropped a client that stopped reading its answers')
      ws.terminate()
      return
    }
    ws.send(JSON.stringify(message), (err) => err && log(`could not answer a client: ${err.message}`))
  }
  const unsubscribe = service.on('run:progress', (payload) => {
    // large matrices as base64 bytes: the renderer parses them in a few ms (src/shared/packed.ts)
    const packed = packProgress(payload, (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'))
    send({ event: 'run:progress', payload: packed })
  })
  ws.on('close', unsubscribe)
  // malformed frames (unmasked, bad opcode, RSV bits, invalid UTF-8, oversize) arrive here;
  // ws then closes the connection itself with the matching close code
  ws.on('error', (err) => log(`dropped a client: ${err.message}`))
  ws.on('message', (data, isBinary) => {
    const call = isBinary ? null : parseCall(data.toString())
    if (!call) {
      send({ id: null, ok: false, error: { code: 'invalid', message: 'a message must be a JSON object { id, channel, payload }' } })
      return
    }
    service.handle(call.channel as Channel, call.payload).then(
      (answer) => send({ id: call.id, ...answer }),
      // handle() answers every failure itself; this is the last line, never a crash
      (err: Error) => send({ id: call.id, ok: false, error: { code: 'internal', message: err.message } })
    )
  })
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const log = opts.log ?? hostLog((line) => process.stderr.write(`host: ${line}\n`))
  const server = createServer(staticHandler(opts.rendererDir))
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
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, opts.service, log))
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
