// Node's spawner: the engine process is src/services/engine-process/child.ts under tsx
// (the browser host, the CLI and tests run from source).
import { fork } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EngineChild, Spawn } from './engine-host'

const CHILD = join(__dirname, '..', 'engine-process', 'child.ts')

export function forkSpawner(): Spawn {
  // tsx's loader by absolute URL, so the child runs TypeScript whatever launched us (tsx, Vitest)
  const tsx = pathToFileURL(require.resolve('tsx')).href
  return (): EngineChild => {
    const child = fork(CHILD, [], { serialization: 'advanced', execArgv: ['--import', tsx] })
    return {
      pid: child.pid,
      post: (msg) => {
        if (child.connected) child.send(msg)
      },
      onMessage: (cb) => child.on('message', (m) => cb(m as Parameters<typeof cb>[0])),
      onExit: (cb) => {
        child.on('exit', (code, signal) => cb({ code, signal }))
        // a process that could not start (or be signalled) reports an error instead of an exit
        child.on('error', (e) => cb({ code: null, signal: null, reason: e.message }))
      },
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      }
    }
  }
}
