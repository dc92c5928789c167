// `--db` and output files are the user's: a file that is not a run database is refused and left
// byte for byte as it was, an empty --db is a usage error, a refused command creates nothing, a
// failed export leaves no partial file and changes nothing in the database, and a database on a
// full disk or a read-only medium still lists and exports. Real `lab` processes, real files, a
// real tmpfs (skipped with the reason printed where mounting is not permitted).
import Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { remount, tmpfs } from '../services/mount'
import { tempDir } from '../services/tmp'
import { lab } from './lab'

const gate = (db: string, epochs = 20): void => {
  expect(lab(['train', 'gate', '--epochs', String(epochs), '--log-every', '1', '--json', '--db', db]).code).toBe(0)
}

describe('safe paths', () => {
  it('a --db that is not a run database is refused, and left byte for byte as it was', () => {
    const dir = tempDir()
    const notes = join(dir, 'notes.txt')
    const text = 'my notes\n'.repeat(500)
    writeFileSync(notes, text)
    for (const args of [['export', '99999'], ['runs'], ['train', 'gate', '--epochs', '1'], ['import', notes]]) {
      const r = lab([...args, '--db', notes])
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(new RegExp(`^lab: cannot open database ${notes}: it is not a readable database \\(file is not a database\\); it was left as it is \\(name another file with --db, or a new one\\)\\n$`))
      expect(readFileSync(notes, 'utf8')).toBe(text)
      expect(readdirSync(dir)).toEqual(['notes.txt'])
    }
  })

  it('an empty --db is a usage error, exit 2, and touches no database', () => {
    const home = tempDir()
    for (const args of [['runs', '--db='], ['runs', '--db', ''], ['train', 'gate', '--epochs', '1', '--db=']]) {
      expect(lab(args, { XDG_CONFIG_HOME: home, LAB_DB: '' })).toMatchObject({ code: 2, stderr: 'lab: --db needs a file name (got an empty one)\n' })
    }
    expect(readdirSync(home)).toEqual([])
  })

  it('a refused or read-only command creates no database', () => {
    const dir = tempDir()
    const db = join(dir, 'new.db')
    expect(lab(['export', '5', '--db', db])).toMatchObject({ code: 2, stderr: `lab: there is no run 5 in ${db} (see \`lab runs\`)\n` })
    expect(lab(['export-run', '5', '--db', db]).code).toBe(2)
    expect(lab(['runs', '--json', '--db', db])).toMatchObject({ code: 0, stdout: '[]\n' })
    writeFileSync(join(dir, 'bad.glrun'), '{"format":"gradient-lab-run","version":2}\n')
    expect(lab(['import', join(dir, 'bad.glrun'), '--db', db]).code).toBe(1)
    expect(readdirSync(dir)).toEqual(['bad.glrun'])
  })

  it('a failed run-file export leaves no file and changes nothing in the database', () => {
    const dir = tempDir()
    const db = join(dir, 'lab.db')
    gate(db)
    const out = join(dir, 'missing', 'x.glrun')
    const r = lab(['export-run', '1', '--out', out, '--db', db])
    expect(r).toMatchObject({ code: 1, stderr: `lab: cannot write ${out}: ENOENT: no such file or directory; nothing was written\n` })
    const c = new Database(db, { readonly: true })
    expect(c.prepare('SELECT content_sha256 FROM runs WHERE id = 1').pluck().get()).toBe(null)
    c.close()
    expect(readdirSync(dir).filter((f) => !f.startsWith('lab.db'))).toEqual([])
  })

  it('a CSV export onto a full disk leaves no file', (ctx) => {
    const dir = tempDir()
    const db = join(dir, 'lab.db')
    // 3,000 logged epochs: about 150 kB of CSV, more than the 64 kB disk
    gate(db, 3000)
    const disk = tmpfs('64k')
    if ('skip' in disk) {
      process.stdout.write(`skipped: ${disk.skip}\n`)
      return ctx.skip()
    }
    const out = join(disk.dir, 'run.csv')
    const r = lab(['export', '1', '--out', out, '--db', db])
    expect(r).toMatchObject({ code: 1, stderr: `lab: cannot write ${out}: ENOSPC: no space left on device\n` })
    expect(readdirSync(disk.dir)).toEqual([])
  })

  it('a database on a read-only medium, or on a full disk, still lists and exports', (ctx) => {
    const disk = tmpfs('4m')
    if ('skip' in disk) {
      process.stdout.write(`skipped: ${disk.skip}\n`)
      return ctx.skip()
    }
    const db = join(disk.dir, 'lab.db')
    gate(db)
    const csv = lab(['export', '1', '--db', db]).stdout
    expect(csv.split('\n')[0]).toMatch(/^run_id,run_name,kind,status,step,loss/)

    // read-only: after a clean close there is no -shm, which SQLite cannot create there
    const why = remount(disk.dir, 'ro')
    if (why) {
      process.stdout.write(`skipped: ${why}\n`)
      return ctx.skip()
    }
    expect(existsSync(`${db}-shm`)).toBe(false)
    const ro = lab(['runs', '--json', '--db', db])
    expect(ro.code).toBe(0)
    expect(JSON.parse(ro.stdout)).toMatchObject([{ id: 1, kind: 'gate', status: 'done', steps: 20 }])
    expect(lab(['export', '1', '--db', db])).toMatchObject({ code: 0, stdout: csv })
    expect(lab(['export-run', '1', '--db', db]).stdout).toMatch(/^\{"format":"gradient-lab-run"/)
    // a command that must write says why it cannot, in the one wording
    expect(lab(['train', 'gate', '--epochs', '1', '--db', db])).toMatchObject({
      code: 1,
      stderr: `lab: cannot open database ${db}: the database cannot be written to (the file, its folder or its disk is read-only)\n`
    })

    // full: a filler takes every byte left
    expect(remount(disk.dir, 'rw')).toBe(null)
    const filler = join(disk.dir, 'filler')
    writeFileSync(filler, '')
    try {
      for (;;) writeFileSync(filler, Buffer.alloc(64 * 1024), { flag: 'a' })
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC')
    }
    const listed = lab(['runs', '--json', '--db', db])
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: 1, kind: 'gate', status: 'done', steps: 20 }])
    expect(lab(['export', '1', '--db', db])).toMatchObject({ code: 0, stdout: csv })
  })
})
