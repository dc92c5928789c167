// Where the browser host takes a fixed token from (src/server/main.ts), as a real process: a file
// or $LAB_TOKEN, which no other local user can read, and the command line only with a warning.
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir, until } from './tmp'

const ROOT = join(__dirname, '..', '..')
const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

/** Starts a host with these arguments and environment; resolves with its URL line and stderr, or its exit. */
function serve(args: string[], env: Record<string, string> = {}) {
  const db = join(tempDir(), 'lab.db')
  const { LAB_TOKEN: _unset, ...base } = process.env
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, 'src/server/main.ts', '--port', '0', '--db', db, ...args], {
    cwd: ROOT,
    env: { ...base, ...env }
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  let code: number | null | undefined
  const exited = new Promise((r) => child.on('exit', (c) => r((code = c))))
  cleanup.push(() => {
    child.kill('SIGKILL')
    return exited
  })
  return { url: () => /browser host: (\S+)\n/.exec(out)?.[1], stderr: () => err, code: () => code }
}

describe('the browser host token', () => {
  it('is read from --token-file (its first line), without a warning', async () => {
    const file = join(tempDir(), 'token')
    writeFileSync(file, 'from-a-file-123456\n')
    const host = serve(['--token-file', file])
    expect(await until(host.url, 'the URL line')).toMatch(/\?token=from-a-file-123456$/)
    expect(host.stderr()).not.toMatch(/warning: --token/)
  })

  it('is read from $LAB_TOKEN', async () => {
    const host = serve([], { LAB_TOKEN: 'from-the-env-123456' })
    expect(await until(host.url, 'the URL line')).toMatch(/\?token=from-the-env-123456$/)
  })

  it('still comes from --token, with a warning that every local user sees it', async () => {
    const host = serve(['--token', 'on-the-command-line'])
    expect(await until(host.url, 'the URL line')).toMatch(/\?token=on-the-command-line$/)
    expect(host.stderr()).toContain('serve: warning: --token shows the token to every local user (ps); use LAB_TOKEN or --token-file FILE\n')
  })

  it('refuses a missing token file and a token file with a bad token, exiting 2', async () => {
    const missing = serve(['--token-file', '/nonexistent/token'])
    expect(await until(() => missing.code() !== undefined && missing.code(), 'the exit')).toBe(2)
    expect(missing.stderr()).toBe('serve: cannot read --token-file /nonexistent/token: ENOENT\n')
    const file = join(tempDir(), 'token')
    writeFileSync(file, 'short\n')
    const bad = serve(['--token-file', file])
    expect(await until(() => bad.code() !== undefined && bad.code(), 'the exit')).toBe(2)
    expect(bad.stderr()).toBe('serve: the token must be 8 to 200 letters, digits, - or _\n')
  })
})
