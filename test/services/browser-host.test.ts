// The browser host as a real process: its one stdout line, the token and Origin checks, the
// CSP, static files, LabApi over the WebSocket, and a killed host leaving `interrupted` runs.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { RunStore } from '../../src/services/store/run-store'
import { notebook, mnistQuickStart } from '../../src/shared/kinds'
import { EngineHost } from '../../src/services/engine-host/engine-host'
import { forkSpawner } from '../../src/services/engine-host/fork-spawner'
import { LabService } from '../../src/services/lab-service'
import { readSamples } from '../../src/services/mnist/samples'
import { startHost } from '../../src/server/server'
import { tempDir, until } from './tmp'

const ROOT = join(__dirname, '..', '..')
const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

function hostProcess(db: string, token: string) {
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, 'src/server/main.ts', '--port', '0', '--db', db, '--token', token], { cwd: ROOT })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.resume()
  const exited = new Promise((r) => child.on('exit', r))
  cleanup.push(() => {
    child.kill('SIGKILL')
    return exited
  })
  return { child, output: () => out, exited }
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

function client(ws: WebSocket) {
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

describe('browser host', () => {
  it('prints its URL, guards the socket, and serves LabApi; a killed host leaves its run interrupted', async () => {
    const db = join(tempDir(), 'lab.db')
    const token = 'test-token-123456'
    const host = hostProcess(db, token)
    const line = await until(() => /^Gradient Lab browser host: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=test-token-123456)\n$/.exec(host.output()), 'the URL line', 30_000)
    const port = Number(line[2])
    expect(port).toBeGreaterThan(0)
    const origin = `http://127.0.0.1:${port}`

    await expect(connect(`ws://127.0.0.1:${port}/api?token=wrong-token-0000`, origin)).rejects.toThrow('HTTP 403')
    await expect(connect(`ws://127.0.0.1:${port}/api`, origin)).rejects.toThrow('HTTP 403')
    await expect(connect(`ws://127.0.0.1:${port}/api?token=${token}`, 'http://evil.example')).rejects.toThrow('HTTP 403')

    const ws = await connect(`ws://127.0.0.1:${port}/api?token=${token}`, origin)
    cleanup.push(() => ws.terminate())
    const { call, events } = client(ws)
    expect(await call('runs:start', { config: { ...notebook.gate, gate: 'NOPE' } })).toMatchObject({ ok: false, error: { code: 'invalid', message: 'config.gate must be one of AND, OR, NAND, XOR (got "NOPE")' } })
    const gate = await call('runs:start', { config: notebook.gate })
    expect(gate).toMatchObject({ id: 2, ok: true, value: { runId: 1 } })
    await until(() => events.some((e) => e.payload.runId === 1 && e.payload.status === 'done'), 'the gate run to finish')
    expect((await call('runs:list', undefined)).value).toMatchObject([{ id: 1, kind: 'gate', status: 'done', steps: 1000 }])

    // a long run, snapshots only at its end: a snapshot every 100 iterations would outgrow a run's size limit
    const mnist = await call('runs:start', { config: { ...mnistQuickStart, iterations: 1_000_000, evalEvery: 0, snapshotEvery: 1_000_000 } })
    await until(() => events.some((e) => e.payload.runId === mnist.value.runId && e.payload.status === 'running'), 'MNIST progress', 60_000)
    host.child.kill('SIGKILL')
    await host.exited

    const store = new RunStore(db)
    cleanup.push(() => store.close())
    const run = store.getRun(mnist.value.runId)!
    expect(run.status).toBe('interrupted')
    expect(run.steps).toBeGreaterThan(0)
    expect(store.getRun(1)!.status).toBe('done')
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const root = join(tempDir(), 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="connect-src 'self'" /><title>Gradient Lab</title>`)
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(root, '..', 'secret.txt'), 'no')
    const store = new RunStore(join(tempDir(), 'lab.db'))
    const service = new LabService({ store, engine: new EngineHost(forkSpawner()), mnistSamples: (count) => readSamples(count) })
    const host = await startHost({ service, rendererDir: root, port: 0, token: 'abcdefgh' })
    cleanup.push(() => store.close(), () => service.close(), () => host.close())

    const index = await fetch(`http://127.0.0.1:${host.port}/?token=abcdefgh`)
    expect(index.status).toBe(200)
    // written out here, not imported: a change to the policy must be a deliberate change to this line too
    const policy =
      "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
      `connect-src 'self' ws://127.0.0.1:${host.port} ws://localhost:${host.port}; object-src 'none'; base-uri 'none'; form-action 'none'`
    expect(index.headers.get('content-security-policy')).toBe(`${policy}; frame-ancestors 'none'`)
    expect(index.headers.get('content-type')).toContain('text/html')
    // the page's <meta> carried the desktop policy; it is served with this host's own
    expect(await index.text()).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy}" />`)
    const js = await fetch(`http://127.0.0.1:${host.port}/assets/app.js`)
    expect(js.headers.get('content-type')).toContain('text/javascript')
    // an encoded slash survives URL normalisation and would climb out of the folder
    expect((await fetch(`http://127.0.0.1:${host.port}/..%2fsecret.txt`)).status).toBe(403)
    expect((await fetch(`http://127.0.0.1:${host.port}/%2e%2e/secret.txt`)).status).toBe(404)
    expect((await fetch(`http://127.0.0.1:${host.port}/missing.js`)).status).toBe(404)
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' })
  })
})
