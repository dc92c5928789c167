// The engine process in Electron: a utility process per run (out/main/engine.js), adapted to the
// EngineChild shape the EngineHost (src/services/engine-host) drives. Electron reports why a child died only through
// app 'child-process-gone', so each child gets its own service name to match that report to it.
import { app, utilityProcess, type Details } from 'electron'
import { join } from 'node:path'
import type { EngineChild, Spawn } from '../services/engine-host/engine-host'
import type { EngineMessage } from '../services/engine-process/messages'

/** 'child-process-gone' and the child's 'exit' arrive in either order; wait this long for the former. */
const GONE_REPORT_MS = 100

export function utilitySpawner(mnistDir: string): Spawn {
  const goneReasons = new Map<string, string>()
  app.on('child-process-gone', (_event, details: Details) => {
    console.warn(`[gradient-lab] ${details.serviceName ?? details.type} process gone: ${details.reason} (exit code ${details.exitCode})`)
    if (details.serviceName) goneReasons.set(details.serviceName, details.reason)
  })
  let spawned = 0
  return (): EngineChild => {
    const serviceName = `Gradient Lab engine ${++spawned}`
    const child = utilityProcess.fork(join(__dirname, 'engine.js'), [`--mnist-dir=${mnistDir}`], { serviceName })
    let exited = false
    child.once('exit', () => {
      exited = true
    })
    return {
      post: (msg) => {
        if (!exited) child.postMessage(msg)
      },
      onMessage: (cb) => child.on('message', (msg) => cb(msg as EngineMessage)),
      onExit: (cb) =>
        child.once('exit', (code) => {
          setTimeout(() => {
            const reason = goneReasons.get(serviceName)
            goneReasons.delete(serviceName)
            cb({ code, signal: null, ...(reason ? { reason } : {}) })
          }, GONE_REPORT_MS)
        }),
      kill: () => {
        if (exited) return
        // utilityProcess.kill() sends SIGTERM, which a stopped (SIGSTOP) process only receives once continued
        if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
        else child.kill()
      }
    }
  }
}
