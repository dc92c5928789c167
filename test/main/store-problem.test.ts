// A better-sqlite3 binding that does not load is reported in words, with what to do, instead of
// crashing main: here with real load failures (a file that is not a binary, a missing file).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { storeProblem } from '../../src/main/store-problem'
import { RunStore } from '../../src/services/store/run-store'

const temps: string[] = []
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** The error RunStore throws when better-sqlite3 is pointed at `binding`. */
function openWith(binding: string): { error: unknown; dbPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'store-problem-'))
  temps.push(dir)
  const dbPath = join(dir, 'lab.db')
  try {
    new RunStore(dbPath, { nativeBinding: binding }).close()
  } catch (error) {
    return { error, dbPath }
  }
  throw new Error('the store opened with a broken binding')
}

describe('storeProblem', () => {
  it('tells a packaged app’s user to reinstall when the binding is not a loadable module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'binding-'))
    temps.push(dir)
    const binding = join(dir, 'better_sqlite3.node')
    writeFileSync(binding, 'not a shared object')
    const { error, dbPath } = openWith(binding)
    const message = storeProblem(error, dbPath, { packaged: true, nativeBinding: binding })
    expect(message.startsWith(`Gradient Lab cannot open database ${dbPath}: `)).toBe(true)
    expect(message).toContain(`(its SQLite module ${binding} does not load in this Electron`)
    expect(message).toMatch(/reinstall Gradient Lab\)$/)
  })

  it('points the unpacked app at `npm start` for a missing Electron build', () => {
    const binding = join(tmpdir(), 'no-such-dir', 'better_sqlite3.node')
    const { error, dbPath } = openWith(binding)
    expect(storeProblem(error, dbPath, { packaged: false, nativeBinding: binding })).toMatch(/start the app with `npm start`, which builds it for Electron/)
  })

  it('adds no hint to a problem that is not the binding', () => {
    expect(storeProblem(new Error('EACCES: permission denied'), '/ro/lab.db', { packaged: true, nativeBinding: '/x.node' })).toBe(
      'Gradient Lab could not open its run database at /ro/lab.db: EACCES: permission denied'
    )
  })
})
