// Real small or read-only file systems for the full-disk and read-only-medium tests: a tmpfs
// mounted for the test (root can; elsewhere the test is skipped with the reason printed).
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { tempDir } from './tmp'

const mounted: string[] = []
afterEach(() => {
  for (const d of mounted.splice(0).reverse()) spawnSync('umount', ['-l', d])
})

function run(args: string[]): string | null {
  const r = spawnSync(args[0], args.slice(1), { encoding: 'utf8' })
  return r.status === 0 ? null : (r.stderr || r.error?.message || `exit ${r.status}`).trim()
}

/** A fresh tmpfs of `size` (e.g. '8m'), or the reason it cannot be mounted here. */
export function tmpfs(size: string): { dir: string } | { skip: string } {
  const dir = join(tempDir(), 'mnt')
  mkdirSync(dir)
  const why = run(['mount', '-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])
  if (why) return { skip: `mount -t tmpfs is not permitted here (${why})` }
  mounted.push(dir)
  return { dir }
}

/** Makes a mounted tmpfs read-only (or writable again); the reason when it cannot. */
export function remount(dir: string, mode: 'ro' | 'rw'): string | null {
  return run(['mount', '-o', `remount,${mode}`, dir])
}
