// The browser project's fixtures: every test gets its own browser host (src/server/main.ts)
// on a free port with a fresh SQLite file in a temp dir, and a `page` already open on the app.
// A host per test keeps tests independent (no run from one test shows up in another's library)
// and costs a few seconds (tsx compiling the host).
//
//   import { test, expect, shot } from './fixtures'
//   test('…', async ({ page, lab, lessons }) => { … lab.dbPath … await shot(page, 'gates') })
import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { LessonsPage } from './pages/lessons'

export interface Lab {
  /** The host's SQLite file; open it with better-sqlite3 `{ readonly: true }` to check what was saved. */
  dbPath: string
  /** The URL the host printed, token included. */
  url: string
  token: string
}

const root = resolve(__dirname, '..')
const READY = /Gradient Lab browser host: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/
const START_TIMEOUT_MS = 60_000

/** Saves a full-window screenshot to test-results/screenshots/<name>.png (under the run's outputDir). */
export async function shot(page: Page, name: string): Promise<string> {
  const path = join(base.info().project.outputDir, 'screenshots', `${name}.png`)
  await page.screenshot({ path })
  return path
}

interface Host {
  url: string
  process: ChildProcess
  /** Everything the host wrote, for the report when a test fails. */
  log: string[]
}

function startHost(dbPath: string, token: string): Promise<Host> {
  // node --import tsx keeps the host one process (the tsx CLI would add a relay process), and
  // its own engine children inherit the loader through execArgv. Detached: the host leads a
  // process group, so stopping the group also ends any engine process it left running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/main.ts', '--port', '0', '--db', dbPath],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LAB_DB: dbPath, LAB_TOKEN: token } }
  )
  const log: string[] = []
  return new Promise((resolveHost, reject) => {
    let settled = false
    const fail = (why: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void stopHost(child)
      reject(new Error(`browser host did not start: ${why}\n${log.join('')}`))
    }
    const timer = setTimeout(() => fail(`no ready line within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS)
    let pending = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      log.push(chunk)
      if (settled) return
      pending += chunk
      const ready = READY.exec(pending)
      if (ready) {
        settled = true
        clearTimeout(timer)
        resolveHost({ url: ready[1], process: child, log })
      }
    })
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk))
    child.on('error', (err) => fail(err.message))
    child.on('exit', (code, signal) => fail(`exited with ${signal ?? `code ${code}`}`))
  })
}

function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        // the group is already gone
      }
    }
    const hard = setTimeout(() => kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(hard)
      // engine processes the host may have left behind share its group
      kill('SIGKILL')
      done()
    })
    kill('SIGTERM')
  })
}

export const test = base.extend<{ lab: Lab; lessons: LessonsPage }>({
  lab: async ({}, use, testInfo) => {
    if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
      throw new Error('out/renderer/index.html is missing: run `npx electron-vite build` before the e2e tests')
    }
    const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-e2e-'))
    const dbPath = join(dir, 'lab.db')
    const token = randomBytes(16).toString('hex')
    const host = await startHost(dbPath, token)
    try {
      await use({ dbPath, url: host.url, token })
    } finally {
      await stopHost(host.process)
      const failed = testInfo.status !== testInfo.expectedStatus
      if (failed) {
        // keep the database for a post-mortem and show what the host said
        await testInfo.attach('browser-host.log', { body: host.log.join(''), contentType: 'text/plain' })
        console.log(`[${testInfo.title}] database kept at ${dbPath}`)
      } else {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  },
  page: async ({ page, lab }, use, testInfo) => {
    const uncaught: string[] = []
    const logged: string[] = []
    page.on('pageerror', (err) => uncaught.push(err.stack ?? err.message))
    page.on('console', (msg) => {
      if (msg.type() === 'error') logged.push(msg.text())
    })
    await page.goto(lab.url)
    await use(page)
    if (logged.length > 0) {
      await testInfo.attach('console-errors.txt', { body: logged.join('\n\n'), contentType: 'text/plain' })
    }
    // an exception nobody caught is a bug even when the test's own checks passed
    expect(uncaught, 'uncaught exceptions in the page').toEqual([])
  },
  /** The lessons' page object on that page. */
  lessons: async ({ page }, use) => {
    await use(new LessonsPage(page))
  }
})

export { expect }
