// The browser host as a real process for tests: `src/server/main.ts` under tsx with these
// arguments and environment (LAB_TOKEN unset unless given), its output collected, killed after
// the test.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach } from 'vitest'

const ROOT = join(__dirname, '..', '..')
const running: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const stop of running.splice(0).reverse()) await stop()
})

export function hostProcess(args: string[], env: Record<string, string> = {}) {
  const { LAB_TOKEN: _unset, ...base } = process.env
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, 'src/server/main.ts', ...args], { cwd: ROOT, env: { ...base, ...env } })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  let code: number | null | undefined
  const exited = new Promise((r) => child.on('exit', (c) => r((code = c))))
  running.push(() => {
    child.kill('SIGKILL')
    return exited
  })
  return { child, output: () => out, stderr: () => err, code: () => code, exited }
}
