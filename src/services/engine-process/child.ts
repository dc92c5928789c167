// Node entry of the engine process (the browser host and tests fork it; Electron uses
// src/main/engine.ts with process.parentPort instead).
import { loadMnist } from '../mnist'
import type { EngineMessage, HostMessage } from './messages'
import { serveEngine } from './serve'

if (!process.send) throw new Error('the engine process must be started with child_process.fork')

serveEngine(
  {
    post: (msg: EngineMessage) => process.send!(msg),
    onMessage: (cb) => process.on('message', (m) => cb(m as HostMessage))
  },
  { loadMnist: () => loadMnist() }
)
// the host went away: nobody is left to save our records
process.on('disconnect', () => process.exit(0))
