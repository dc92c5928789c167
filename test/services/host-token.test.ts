// Where the browser host takes a fixed token from (src/server/main.ts), as a real process: a file
// or $LAB_TOKEN, which no other local user can read, and the command line only with a warning.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hostProcess } from './host-process'
import { tempDir, until } from './tmp'

/** A host on a fresh database with these arguments and environment. */
function serve(args: string[], env: Record<string, string> = {}) {
  const host = hostProcess(['--port', '0', '--db', join(tempDir(), 'lab.db'), ...args], env)
  return { ...host, url: () => /browser host: (\S+)\n/.exec(host.output())?.[1] }
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
