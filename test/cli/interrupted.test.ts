// A killed `lab` leaves an `interrupted` run; one still training in another process is left
// alone; Ctrl-C saves the run as `stopped`. Real processes, one real database file.
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, until } from '../services/tmp'
import { procState } from '../services/zombie'
import { lab, labAsync, NODE_ARGS, ROOT } from './lab'

// long enough that no run finishes while the test kills or interrupts it, however fast the machine
const ITERATIONS = 1_000_000
// a snapshot only at the end: one every 100 of a million iterations would outgrow a run's size limit
const mnist = (db: string) => ['train', 'mnist', '--iterations', String(ITERATIONS), '--eval-every', '0', '--snapshot-every', String(ITERATIONS), '--db', db, '--json']
const listRuns = (db: string) => JSON.parse(lab(['runs', '--db', db, '--json']).stdout) as { id: number; status: string; steps: number; reason: string | null }[]

describe('lab process lifetimes', () => {
  it('SIGKILL -> interrupted with its steps; a live run is left alone; Ctrl-C -> stopped', async () => {
    const db = join(tempDir(), 'lab.db')
    const killed = labAsync(mnist(db))
    await until(() => killed.lines.length >= 10, 'the first run to log steps', 60_000)
    const live = labAsync(mnist(db))
    try {
      await until(() => live.lines.length >= 3, 'the second run to log steps', 60_000)
      killed.child.kill('SIGKILL')
      await killed.exited

      const runs = listRuns(db)
      const [second, first] = runs
      expect(first.status).toBe('interrupted')
      expect(first.reason).toContain(`pid ${killed.child.pid}`)
      expect(first.steps).toBeGreaterThanOrEqual(10)
      expect(second.status).toBe('running')
    } finally {
      live.child.kill('SIGINT')
    }
    expect(await live.exited).toBe(130)
    const after = listRuns(db)
    expect(after.map((r) => r.status)).toEqual(['stopped', 'interrupted'])
    expect(after[0].steps).toBeGreaterThanOrEqual(3)
    expect(after[0].steps).toBeLessThan(ITERATIONS)

    const check = new Database(db, { readonly: true })
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    // every step the killed process had stored is still there, in order
    const steps = (check.prepare('SELECT step FROM metrics WHERE run_id = 1 ORDER BY step').all() as { step: number }[]).map((r) => r.step)
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1))
    check.close()
  })

  it('kill -9 of a training process group its parent never reaps: `lab runs` at once lists it interrupted with its steps', async () => {
    const db = join(tempDir(), 'lab.db')
    // setsid: `lab` leads a process group of its own; the shell then execs into sleep, which never reaps it
    const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`
    const command = ['setsid', process.execPath, ...NODE_ARGS, ...mnist(db)].map(quote).join(' ')
    const parent = spawn('sh', ['-c', `${command} & echo $!; exec sleep 120`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
    let out = ''
    parent.stdout!.on('data', (d: Buffer) => (out += d.toString()))
    try {
      const lines = () => out.split('\n').filter((l) => l.startsWith('{'))
      await until(() => lines().length >= 10, 'the run to log steps', 60_000)
      const pid = Number(out.split('\n')[0])
      process.kill(-pid, 'SIGKILL')
      await until(() => procState(pid) === 'Z', 'the killed process to be a zombie')

      const [run] = listRuns(db)
      expect(run.status).toBe('interrupted')
      expect(run.reason).toContain(`pid ${pid}) is no longer running`)
      expect(run.steps).toBeGreaterThanOrEqual(10)
    } finally {
      parent.kill()
    }
  })
})
