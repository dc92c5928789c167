// The engine process's side of the conversation, independent of how messages travel:
// Node's child `process` or Electron's `process.parentPort` is wrapped into `port`.
import { createTrainer } from '../../engine'
import type { MnistData } from '../../engine/mnist'
import { kindOf } from '../../shared/kinds'
import type { EngineMessage, HostMessage } from './messages'
import { SlicedRunner } from './runner'

export interface EnginePort {
  post(msg: EngineMessage): void
  onMessage(cb: (msg: HostMessage) => void): void
}

export interface EngineDeps {
  loadMnist(): MnistData
}

export function serveEngine(port: EnginePort, deps: EngineDeps): void {
  let runner: SlicedRunner | null = null
  port.onMessage((msg) => {
    switch (msg.type) {
      case 'start': {
        if (runner) return port.post({ type: 'finished', status: 'failed', reason: 'this engine process is already training' })
        try {
          const data = kindOf(msg.config.kind).dataset === 'mnist' ? deps.loadMnist() : undefined
          runner = new SlicedRunner(createTrainer(msg.config, data), {
            records: (records, done, shown) => port.post({ type: 'records', records, done, ...(shown ? { shown } : {}) }),
            paused: (done) => port.post({ type: 'paused', done }),
            finished: (status, reason, predictions) => port.post({ type: 'finished', status, reason, predictions })
          })
          if (msg.pace != null) runner.setPace(msg.pace)
          runner.start(msg.paused)
        } catch (e) {
          port.post({ type: 'finished', status: 'failed', reason: (e as Error).message })
        }
        return
      }
      case 'pause':
        return runner?.pause()
      case 'resume':
        return runner?.resume()
      case 'step':
        return runner?.step()
      case 'stop':
        return runner?.stop()
      case 'pace':
        return runner?.setPace(msg.pace)
      case 'ack':
        return runner?.acknowledge(msg.done)
    }
  })
}
