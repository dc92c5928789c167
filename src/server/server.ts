// The browser host: the built renderer over HTTP and LabApi over a WebSocket at /api, on
// 127.0.0.1 only. A per-launch token and an Origin check keep other local pages out.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Channel } from '../shared/api'
import { packProgress } from '../shared/packed'
import type { CallMessage } from '../shared/protocol'
import type { LabService } from '../services/lab-service'
import { staticHandler } from './static'

export interface HostOptions {
  service: LabService
  rendererDir: string
  port: number
  token: string
}

export interface RunningHost {
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

/** A call as received: nothing in it is trusted until LabService has validated it. */
type Call = { [K in keyof CallMessage]?: unknown }

function serveSocket(ws: WebSocket, service: LabService): void {
  const unsubscribe = service.on('run:progress', (payload) => {
    // large matrices as base64 bytes: the renderer parses them in a few ms (src/shared/packed.ts)
    const packed = packProgress(payload, (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'))
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event: 'run:progress', payload: packed }))
  })
  ws.on('close', unsubscribe)
  ws.on('message', async (data) => {
    let call: Call
    try {
      call = JSON.parse(data.toString()) as Call
    } catch {
      ws.send(JSON.stringify({ id: null, ok: false, error: { code: 'invalid', message: 'a message must be JSON { id, channel, payload }' } }))
      return
    }
    const answer = await service.handle(call.channel as Channel, call.payload)
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: call.id ?? null, ...answer }))
  })
}

export function startHost(opts: HostOptions): Promise<RunningHost> {
  const server = createServer(staticHandler(opts.rendererDir))
  const wss = new WebSocketServer({ noServer: true, maxPayload: 600 * 1024 * 1024 })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const port = (server.address() as AddressInfo).port
    const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
    const reject = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
    }
    if (url.pathname !== '/api') return reject('404 Not Found')
    if (url.searchParams.get('token') !== opts.token) return reject('403 Forbidden')
    if (!origins.includes(req.headers.origin ?? '')) return reject('403 Forbidden')
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, opts.service))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => {
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
