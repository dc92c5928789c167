// Expected failures of `lab` are one line on stderr and a non-zero exit; the stack only with --debug.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MNIST_FILES } from '../../src/services/mnist'
import { tempDir } from '../services/tmp'
import { lab } from './lab'

const MAIN = join(__dirname, '..', '..', 'src', 'cli', 'main.ts')

/** `lab` from another folder, or as another user: what a user on another machine would see. */
function labAs(args: string[], opts: { cwd: string; uid?: number }) {
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, MAIN, ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.uid })
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const oneLine = (stderr: string): void => {
  expect(stderr).toMatch(/^lab: [^\n]+\n$/)
  expect(stderr).not.toMatch(/\n\s+at /)
}

describe('lab failures', () => {
  it('a database it may not write: one line, and the stack with --debug', () => {
    const dir = tempDir()
    const db = join(dir, 'lab.db')
    expect(lab(['train', 'gate', '--epochs', '1', '--log-every', '1', '--db', db]).code).toBe(0)
    // root writes any file: as root, the check runs as the unprivileged user `nobody`
    const asRoot = process.getuid?.() === 0
    chmodSync(dir, 0o755)
    chmodSync(db, 0o444)
    const opts = { cwd: dir, uid: asRoot ? 65534 : undefined }
    const r = labAs(['train', 'gate', '--epochs', '5', '--db', db], opts)
    expect(r.code).toBe(1)
    oneLine(r.stderr)
    // the services' one wording (lifecycle/storage-problem.ts), and nothing else
    expect(r.stderr).toBe(`lab: cannot open database ${db}: the database cannot be written to (the file, its folder or its disk is read-only)\n`)
    const debug = labAs(['train', 'gate', '--epochs', '5', '--db', db, '--debug'], opts)
    expect(debug.code).toBe(1)
    expect(debug.stderr.split('\n')[0]).toBe(r.stderr.trimEnd())
    expect(debug.stderr).toMatch(/\n\s+at /)
  })

  it('MNIST missing or damaged: one line naming the files', () => {
    const missing = labAs(['train', 'mnist', '--iterations', '1', '--no-save'], { cwd: tempDir() })
    expect(missing.code).toBe(1)
    oneLine(missing.stderr)
    expect(missing.stderr).toMatch(/^lab: MNIST not found: none of .* holds train-images-idx3-ubyte/)

    const cwd = tempDir()
    mkdirSync(join(cwd, 'resources', 'mnist'), { recursive: true })
    for (const f of Object.values(MNIST_FILES)) writeFileSync(join(cwd, 'resources', 'mnist', f.name), 'not MNIST')
    const damaged = labAs(['train', 'mnist', '--iterations', '1', '--no-save'], { cwd })
    expect(damaged.code).toBe(1)
    oneLine(damaged.stderr)
    expect(damaged.stderr).toMatch(/^lab: MNIST file .*-ubyte is damaged: sha256 [0-9a-f]{64}, expected [0-9a-f]{64}/)
  })

  it('a run file that is missing or is not one: one line, the database unchanged', () => {
    const dir = tempDir()
    const db = join(dir, 'lab.db')
    const missing = lab(['import', join(dir, 'nope.glrun'), '--db', db])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(`lab: cannot read ${join(dir, 'nope.glrun')}: there is no such file\n`)
    writeFileSync(join(dir, 'bad.glrun'), '{"format":"gradient-lab-run","version":2}\n')
    const bad = lab(['import', join(dir, 'bad.glrun'), '--db', db])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toBe('lab: This run file cannot be imported: line 1: run must be an object (got undefined). Nothing was changed.\n')
    expect(lab(['runs', '--json', '--db', db]).stdout).toBe('[]\n')
  })
})
