// `lab`'s one failure line and exit code for each kind of failure, from real failures (a real
// SQLite file that is full, a real missing file), worded as the services word them.
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CliError } from '../../src/cli/args'
import { describeFailure } from '../../src/cli/failure'
import { ApiFailure } from '../../src/services/errors'
import { RunNotOwnedError } from '../../src/services/store/not-owned'
import { ValidationError } from '../../src/shared/schema'
import { thrown } from '../services/thrown'
import { tempDir } from '../services/tmp'

describe('describeFailure', () => {
  it('a usage mistake exits 2 with its own words; a failure of the machine exits 1', () => {
    expect(describeFailure(new CliError('unexpected argument "x"'))).toEqual({ line: 'unexpected argument "x"', exitCode: 2 })
    expect(describeFailure(new CliError('cannot write /x: full', 1))).toEqual({ line: 'cannot write /x: full', exitCode: 1 })
    expect(describeFailure(new ValidationError('--lr', 'a number greater than 0', 'abc'))).toEqual({ line: '--lr must be a number greater than 0 (got "abc")', exitCode: 2 })
    expect(describeFailure(new ApiFailure('not-found', 'there is no run 9'))).toEqual({ line: 'there is no run 9', exitCode: 1 })
  })

  it('a full SQLite file reads "the disk is full", as every front words it', () => {
    const db = new Database(join(tempDir(), 'x.db'))
    db.exec('CREATE TABLE t (x BLOB)')
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 2}`)
    const full = thrown(() => db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(20_000)))
    db.close()
    expect(describeFailure(full)).toEqual({ line: 'the disk is full', exitCode: 1 })
  })

  it('a run this process no longer owns is said so', () => {
    const e = new RunNotOwnedError(4, { status: 'interrupted', reason: 'Training stopped unexpectedly: hung.' })
    expect(describeFailure(e)).toEqual({
      line: "run 4 is no longer this process's to write: it was declared interrupted (Training stopped unexpectedly: hung) while this process was not answering",
      exitCode: 1
    })
  })

  it("a file system error keeps the system's words; anything else is called a bug and points to --debug", () => {
    const missing = join(tempDir(), 'nope.txt')
    expect(describeFailure(thrown(() => readFileSync(missing)))).toEqual({ line: `ENOENT: no such file or directory, open '${missing}'`, exitCode: 1 })
    expect(describeFailure(new TypeError('x is undefined'))).toEqual({
      line: 'internal error: x is undefined (this is a bug; run again with --debug to see where it happened)',
      exitCode: 1
    })
  })
})
