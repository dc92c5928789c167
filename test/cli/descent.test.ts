// `lab train descent`, the contract in docs/cli.md: step 0, every K steps and the last {step, x, f}
// equal to numpy's gradient_descent (fixtures/make_descent_fixture.py), a done line with x and the
// stored run; an unreadable expression, a bad vector or a start without a value is one line, exit 2,
// and nothing is stored.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fixture from '../fixtures/descent.json'
import { expectClose } from '../engine/close'
import { tempDir } from '../services/tmp'
import { jsonLines, lab } from './lab'

const book = fixture.cases.find((c) => c.lr === 0.1 && c.steps === 100)!

describe('lab train descent', () => {
  it("prints the book's run at steps 0, 25, 50, 75, 100 as numpy computes it, and stores all of them", () => {
    const db = join(tempDir(), 'lab.db')
    const r = lab(['train', 'descent', '--f', 'function_2', '--init', '-3,4', '--lr', '0.1', '--steps', '100', '--log-every', '25', '--json', '--db', db])
    expect(r.code).toBe(0)
    const lines = jsonLines(r.stdout)
    const steps = lines.slice(0, -1) as { step: number; x: number[]; f: number }[]
    expect(steps.map((l) => l.step)).toEqual([0, 25, 50, 75, 100])
    for (const l of steps) {
      expectClose(l.x, book.path[l.step], { rel: 1e-12 }, `x at ${l.step}`)
      expectClose(l.f, book.f[l.step], { rel: 1e-12 }, `f at ${l.step}`)
    }
    const done = lines.at(-1) as { done: boolean; x: number[]; runId: number }
    expect(done.done).toBe(true)
    expectClose(done.x, book.path[100], { rel: 1e-12 }, 'x at the end')
    const stored = new Database(db, { readonly: true })
    try {
      const rows = stored.prepare('SELECT step FROM metrics WHERE run_id = ? ORDER BY step').all(done.runId) as { step: number }[]
      expect(rows.map((row) => row.step)).toEqual([0, 25, 50, 75, 100])
    } finally {
      stored.close()
    }
  })

  it.each([
    [['--f', 'x0 +* x1'], 'lab: the expression cannot be read at position 5'],
    [['--f', 'x0 + y'], 'lab: unknown name "y" at position 6'],
    [['--init', '1,2,3'], 'lab: --init must be exactly 2 numbers'],
    [['--f', 'log(x0)', '--init', '-1,0'], 'lab: f is NaN at the start point (-1, 0)']
  ])('%j: one line, exit 2, nothing stored', (args, message) => {
    const db = join(tempDir(), 'lab.db')
    const r = lab(['train', 'descent', ...args, '--steps', '3', '--json', '--db', db])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr.startsWith(message)).toBe(true)
    const runs = lab(['runs', '--json', '--db', db])
    expect(runs.code === 0 ? JSON.parse(runs.stdout) : []).toEqual([])
  })
})
