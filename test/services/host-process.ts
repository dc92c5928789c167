// The browser host as a real process (src/server/main.ts), and a LabApi client over its WebSocket.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import WebSocket from 'ws'
import { until } from './tmp'

const ROOT = join(__dirname, '..', '..')

/** Its URL line, once it is listening. */
export const URL_LINE = /^Gradient Lab browser host: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))\n$/

export function hostProcess(db: string, token: string) {
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, 'src/server/main.ts', '--port', '0', '--db', db, '--token', token], { cwd: ROOT })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.resume()
  const exited = new Promise((r) => child.on('exit', r))
  const kill = (): Promise<unknown> => {
    child.kill('SIGKILL')
    return exited
  }
  return { child, output: () => out, exited, kill }
}

export function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

export function client(ws: WebSocket) {
  let id = 0
  const pending = new Map<number, (m: unknown) => void>()
  const events: { event: string; payload: { status: string; runId: number } }[] = []
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString())
    if (m.event) events.push(m)
    else pending.get(m.id)?.(m)
  })
  const call = (channel: string, payload: unknown) =>
    new Promise<{ id: number; ok: boolean; value?: any; error?: { code: string; message: string } }>((r) => {
      pending.set(++id, r as (m: unknown) => void)
      ws.send(JSON.stringify({ id, channel, payload }))
    })
  return { call, events }
}

/** A host on `db`, listening, and a client connected to it. */
export async function hostClient(db: string) {
  const token = 'test-token-123456'
  const host = hostProcess(db, token)
  const line = await until(() => URL_LINE.exec(host.output()), 'the URL line', 30_000)
  const port = Number(line[2])
  const ws = await connect(`ws://127.0.0.1:${port}/api?token=${token}`, `http://127.0.0.1:${port}`)
  return { host, ws, ...client(ws) }
}
