// The browser host as a real process for tests: `src/server/main.ts` under tsx with these
// arguments and environment (LAB_TOKEN unset unless given), its output collected, killed after
// the test; and a LabApi client over its WebSocket.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach } from 'vitest'
import WebSocket from 'ws'
import { until } from './tmp'

const ROOT = join(__dirname, '..', '..')
const running: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const stop of running.splice(0).reverse()) await stop()
})

/** Its URL line, once it is listening. */
export const URL_LINE = /^Gradient Lab browser host: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))\n$/

export function hostProcess(args: string[], env: Record<string, string> = {}) {
  const { LAB_TOKEN: _unset, ...base } = process.env
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, 'src/server/main.ts', ...args], { cwd: ROOT, env: { ...base, ...env } })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  let code: number | null | undefined
  const exited = new Promise((r) => child.on('exit', (c) => r((code = c))))
  const kill = (): Promise<unknown> => {
    child.kill('SIGKILL')
    return exited
  }
  running.push(kill)
  return { child, output: () => out, stderr: () => err, code: () => code, exited, kill }
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
  const host = hostProcess(['--port', '0', '--db', db], { LAB_TOKEN: token })
  const line = await until(() => URL_LINE.exec(host.output()), 'the URL line', 30_000)
  const port = Number(line[2])
  const ws = await connect(`ws://127.0.0.1:${port}/api?token=${token}`, `http://127.0.0.1:${port}`)
  return { host, ws, ...client(ws) }
}
