// A zombie process for liveness tests: a child that has exited and that its parent never reaps
// (the parent is `sh` exec'd into `sleep`, which waits on nothing). Linux: read from /proc.
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { until } from './tmp'

export function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    return stat[stat.lastIndexOf(')') + 2]
  } catch {
    return null
  }
}

/**
 * A shell script whose background child outlives the shell's exec into `sleep` (so the shell
 * cannot have reaped it), then exits and is never reaped: it prints the child's pid first.
 */
export const ZOMBIE_PARENT = 'sleep 1 & echo $!; exec sleep 60'

/** The pid `parent` printed on its first line, once the kernel lists it as a zombie. */
export async function zombieOf(parent: ChildProcess): Promise<number> {
  let out = ''
  parent.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  const pid = await until(() => /^(\d+)\n/.exec(out)?.[1], 'the child pid')
  await until(() => procState(Number(pid)) === 'Z', `pid ${pid} to be a zombie`)
  return Number(pid)
}
