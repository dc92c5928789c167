// Is the process that owns a running run still there? Answered without waiting where the OS
// can tell: a pid that is gone, or a zombie (killed, not yet reaped by its parent: the kernel
// still answers `kill(pid, 0)` for it), is dead at once. A live pid or another host's owner is
// judged by its heartbeat. Within this process, a run counts as owned only while a store here
// holds it (created live and not yet finished), so a run whose owner here gave up without
// managing to write its end (a full disk) is recovered too.
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { resolve } from 'node:path'

/** How often an owner writes its heartbeat for every run it trains or holds paused. */
export const HEARTBEAT_MS = 2_000
/**
 * An owner whose heartbeat is this old is hung (or its pid was reused after a reboot, or it is
 * on another host and gone): its runs are interrupted. Fifteen missed heartbeats; training
 * yields to the event loop every slice (20 ms), so a live owner never comes close.
 */
export const HUNG_MS = 30_000

export interface Owner {
  pid: number
  host: string
}

export const thisProcess = (): Owner => ({ pid: process.pid, host: hostname() })

/** Runs owned by this process, per database file. */
const ownedHere = new Map<string, Set<number>>()

export function claim(file: string, runId: number): void {
  const key = resolve(file)
  const runs = ownedHere.get(key) ?? new Set<number>()
  ownedHere.set(key, runs)
  runs.add(runId)
}

export function release(file: string, runId: number): void {
  ownedHere.get(resolve(file))?.delete(runId)
}

const ownsHere = (file: string, runId: number): boolean => ownedHere.get(resolve(file))?.has(runId) ?? false

/** Linux: the state letter of /proc/PID/stat (Z zombie, X dead); null where there is no /proc. */
function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
    // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || null
  } catch {
    return null
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (e) {
    // EPERM: it exists but belongs to someone else
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const state = procState(pid)
  return state !== 'Z' && state !== 'X'
}

export interface OwnerRow {
  id: number
  owner_pid: number | null
  owner_host: string | null
  heartbeat_at: number | null
}

/** Why the owner of a running or paused run is gone, or null when it is alive. */
export function ownerGone(file: string, row: OwnerRow, now: number): string | null {
  const me = thisProcess()
  const { owner_pid: pid, owner_host: host, heartbeat_at: heartbeatAt } = row
  if (pid === me.pid && host === me.host) return ownsHere(file, row.id) ? null : 'this process is no longer training it'
  const age = heartbeatAt === null ? Infinity : now - heartbeatAt
  const last = heartbeatAt === null ? 'never' : `${Math.round(age / 1000)} s ago`
  if (pid !== null && host === me.host) {
    if (!pidAlive(pid)) return `its process (pid ${pid}) is no longer running`
    if (age > HUNG_MS) return `its process (pid ${pid}) last reported ${last}, and is taken to be hung`
    return null
  }
  if (age > HUNG_MS) return `its process (pid ${pid ?? '?'} on ${host ?? '?'}) last reported ${last}`
  return null
}
