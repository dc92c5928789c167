// Runs the real `lab` command in a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export const ROOT = join(__dirname, '..', '..')
const MAIN = join(ROOT, 'src', 'cli', 'main.ts')
// node itself runs main.ts (not the tsx wrapper), so a signal reaches `lab` and nothing else
export const NODE_ARGS = ['--import', pathToFileURL(require.resolve('tsx')).href, MAIN]

export interface Result {
  code: number | null
  stdout: string
  stderr: string
}

export function lab(args: string[], env: NodeJS.ProcessEnv = {}): Result {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Exactly as the contract says: `npm run --silent lab -- …`. */
export function npmLab(args: string[]): Result {
  const r = spawnSync('npm', ['run', '--silent', 'lab', '--', ...args], { cwd: ROOT, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

export function labAsync(args: string[]): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  let rest = ''
  child.stdout!.on('data', (d: Buffer) => {
    const parts = (rest + d.toString()).split('\n')
    rest = parts.pop()!
    lines.push(...parts)
  })
  child.stderr!.resume()
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
  return { child, lines, exited }
}

export const jsonLines = (out: string): Record<string, unknown>[] =>
  out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>)
