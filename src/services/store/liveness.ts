// Is the process that owns a running run still there? On this host the pid answers; the
// heartbeat covers other hosts sharing the file and a pid reused after a reboot.
import { hostname } from 'node:os'

/** A heartbeat older than this means an owner on another host is gone. */
export const STALE_MS = 60_000
/**
 * On this host the pid is the answer; a heartbeat this old as well means the pid now belongs
 * to some other program (reused after a reboot), not a training process that paused for a while.
 */
export const PID_REUSE_MS = 10 * 60_000
export const HEARTBEAT_MS = 2_000

export interface Owner {
  pid: number
  host: string
}

export const thisProcess = (): Owner => ({ pid: process.pid, host: hostname() })

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Why the owner is gone, or null when it is alive. */
export function ownerGone(pid: number | null, host: string | null, heartbeatAt: number | null, now: number): string | null {
  const me = thisProcess()
  if (pid === me.pid && host === me.host) return null
  const age = heartbeatAt === null ? Infinity : now - heartbeatAt
  const last = heartbeatAt === null ? 'never' : `${Math.round(age / 1000)} s ago`
  if (pid !== null && host === me.host) {
    if (!pidAlive(pid)) return `its process (pid ${pid}) is no longer running`
    if (age > PID_REUSE_MS) return `its process (pid ${pid}) last reported ${last}`
    return null
  }
  if (age > STALE_MS) return `its process (pid ${pid ?? '?'} on ${host ?? '?'}) last reported ${last}`
  return null
}
