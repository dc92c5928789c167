// The Electron side. The engine utility-process entry runs everywhere (under Node, which is what a
// utility process is). The desktop app itself, driven through Playwright's Electron support, runs
// where the Electron binary is installed (it downloads on first launch on a machine with
// internet); elsewhere it is skipped with the reason, which playwright.config.ts also prints.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ELECTRON_SKIPPED, electronBinary } from '../scripts/electron-binary.cjs'
import { electronSqliteBinding } from '../scripts/electron-sqlite.cjs'
import { LessonsPage } from './pages/lessons'

const binary = electronBinary()
const root = resolve(__dirname, '..')

/** The renderer's global as the tests probe it (types only: evaluate() callbacks run in the page). */
type Probe = typeof globalThis & {
  lab?: { host: string; invoke(channel: string, request: unknown): Promise<unknown> }
  require?: unknown
  process?: unknown
  ipcRenderer?: unknown
}

interface EngineOutput {
  steps: number[]
  losses: number[]
  finished: { status: string; reason?: string; predictions?: number[] }
}

/**
 * Runs the built utility-process entry under plain Node, with `process.parentPort` played by an
 * event emitter (the utility process is Node with that one addition), and sends it `start`.
 */
function runEngineEntry(config: object, args: string[]): Promise<EngineOutput> {
  const harness = `
    const { EventEmitter } = require('node:events')
    const port = new EventEmitter()
    const out = { steps: [], losses: [] }
    port.postMessage = (m) => {
      if (m.type === 'records') for (const r of m.records) { out.steps.push(r.step); out.losses.push(r.loss) }
      if (m.type === 'finished') { out.finished = m; process.stdout.write(JSON.stringify(out)); process.exit(0) }
    }
    process.parentPort = port
    require(${JSON.stringify(join(root, 'out', 'main', 'engine.js'))})
    port.emit('message', { data: { type: 'start', config: ${JSON.stringify(config)} } })`
  return new Promise((done, fail) => {
    execFile(process.execPath, ['-e', harness, '--', ...args], { cwd: root, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) fail(new Error(`${err.message}\n${stderr}`))
      else done(JSON.parse(stdout) as EngineOutput)
    })
  })
}

test.describe('the engine utility-process entry (out/main/engine.js) under Node', () => {
  test('trains the AND gate to the notebook\'s numbers', async () => {
    const out = await runEngineEntry(
      { kind: 'gate', gate: 'AND', seed: 1, lr: 0.1, epochs: 1000, h: 1e-5, gradient: 'numerical', logEvery: 1 },
      []
    )
    expect(out.finished.status).toBe('done')
    expect(out.steps).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
    // the notebook prints 0.87496677 for input (1, 1) after 1000 epochs
    expect(out.finished.predictions![3]).toBeCloseTo(0.87496677, 7)
  })

  const mnist = { kind: 'mnist', seed: 1, hidden: 16, batch: 20, iterations: 3, lr: 0.1, gradient: 'backprop', formulation: 'standard', h: 1e-4, evalEvery: 0, snapshotEvery: 3 }

  test('reads MNIST from the folder main passes as --mnist-dir', async () => {
    const out = await runEngineEntry(mnist, [`--mnist-dir=${join(root, 'resources', 'mnist')}`])
    expect(out.finished.status).toBe('done')
    expect(out.steps).toEqual([1, 2, 3])
    // small random weights give nearly uniform outputs: cross-entropy about ln 10 = 2.303
    expect(out.losses[0]).toBeGreaterThan(2.2)
    expect(out.losses[0]).toBeLessThan(2.4)
  })

  test('fails the run with the reason when that folder lacks MNIST', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gradient-lab-no-mnist-'))
    try {
      const out = await runEngineEntry(mnist, [`--mnist-dir=${empty}`])
      expect(out.finished.status).toBe('failed')
      expect(out.finished.reason).toContain(empty)
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })
})

test.describe('the desktop app', () => {
  test.skip(!binary, ELECTRON_SKIPPED)

  let app: ElectronApplication
  let win: Page
  let home: string

  test.beforeAll(async () => {
    // a throwaway config folder, so the app's database (defaultDbPath) is not the user's own
    home = mkdtempSync(join(tmpdir(), 'gradient-lab-electron-'))
    app = await electron.launch({
      executablePath: binary!,
      // Chromium refuses to run as root without --no-sandbox (CI containers); the renderer keeps
      // contextIsolation either way, which is what the checks below are about.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), join(root, 'out', 'main', 'index.js')],
      cwd: root,
      // the unpacked app loads better-sqlite3 built for Electron's ABI, as `npm start` gives it
      env: { ...process.env, XDG_CONFIG_HOME: home, HOME: home, APPDATA: home, GRADIENT_LAB_SQLITE_BINDING: electronSqliteBinding() ?? '' }
    })
    win = await app.firstWindow()
    await win.waitForLoadState('domcontentloaded')
  })

  test.afterAll(async () => {
    await app?.close()
    rmSync(home, { recursive: true, force: true })
  })

  test('the window opens on the lessons, hardened', async () => {
    await expect(win).toHaveTitle(/Gradient Lab/)
    for (const kind of ['simplenet', 'gate', 'xor2', 'mnist']) await expect(win.getByTestId(`nav-${kind}`)).toBeVisible()

    const globals = await win.evaluate(() => {
      const w = window as Probe
      return {
        lab: typeof w.lab,
        host: w.lab?.host,
        require: typeof w.require,
        process: typeof w.process,
        ipcRenderer: typeof w.ipcRenderer
      }
    })
    expect(globals).toEqual({ lab: 'object', host: 'electron', require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' })
    // served by the app:// protocol, not as a file:// page that could read other files
    expect(win.url()).toBe('app://gradient-lab/index.html')

    // navigation away and new windows are refused by main
    const before = win.url()
    const opened = await win.evaluate(() => window.open('https://example.com/') === null)
    expect(opened).toBe(true)
    // main's will-navigate handler refuses it: listen after it (listeners run in order) and
    // read its verdict from the event, instead of waiting to see whether the page changes
    const refused = app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<boolean>((resolve) => {
          BrowserWindow.getAllWindows()[0].webContents.once('will-navigate', (event) => resolve(event.defaultPrevented))
        })
    )
    await win.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    expect(await refused).toBe(true)
    expect(win.url()).toBe(before)
    expect(app.windows()).toHaveLength(1)
  })

  test('the desktop CSP allows no WebSocket and no file:// read', async () => {
    const blocked = await win.evaluate(
      () =>
        new Promise<{ directive: string; file: string }>((done) => {
          document.addEventListener('securitypolicyviolation', (e) => {
            void fetch('file:///etc/hostname').then(
              () => done({ directive: e.effectiveDirective, file: 'read' }),
              () => done({ directive: e.effectiveDirective, file: 'refused' })
            )
          }, { once: true })
          try {
            new WebSocket('ws://127.0.0.1:9/api')
          } catch {
            // older Chromium also throws; the violation event is what this checks
          }
        })
    )
    expect(blocked).toEqual({ directive: 'connect-src', file: 'refused' })
    // the protocol serves the renderer's own files and nothing above its folder
    const status = await win.evaluate(async () => [(await fetch('/index.html')).status, (await fetch('/..%2f..%2fpackage.json')).status])
    expect(status).toEqual([200, 403])
  })

  test('the preload refuses an unknown channel and a bad payload with a message', async () => {
    const answers = await win.evaluate(async () => {
      const lab = (window as Probe).lab!
      return [await lab.invoke('fs:readFile', { path: '/etc/passwd' }), await lab.invoke('runs:get', { runId: 'x' })]
    })
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(answers[1]).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('runId') } })
  })

  test('a gate run trained from the lesson completes and shows the notebook\'s output', async () => {
    const lessons = new LessonsPage(win)
    await lessons.trainNotebook('gate')
    // notebook 4.5.1: after 1000 epochs the AND neuron outputs 0.87496677 for (1, 1)
    await expect(lessons.number('truth-pred-3')).toHaveText('0.87496677')
    const run = await win.evaluate((runId) => (window as Probe).lab!.invoke('runs:get', { runId }), await lessons.runId())
    expect(run).toMatchObject({ ok: true, value: { status: 'done', steps: 1000 } })
  })
})
