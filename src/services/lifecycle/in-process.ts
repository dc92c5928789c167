// A Driver that trains in this process (`lab train`), with the engine process's own sliced
// runner: records are acknowledged as soon as the lifecycle has stored them.
import type { Trainer } from '../../engine/types'
import { SlicedRunner } from '../engine-process/runner'
import type { StartDriver } from './training-run'

export const inProcess =
  (trainer: Trainer): StartDriver =>
  (_config, on, { paused, pace }) => {
    const runner: SlicedRunner = new SlicedRunner(trainer, {
      records: (records, done, shown) => {
        if (on.records(records, done, shown)) runner.acknowledge(done)
      },
      paused: (done) => on.paused(done),
      finished: (status, reason, predictions) => on.finished(status, reason, predictions)
    })
    runner.setPace(pace)
    runner.start(paused)
    return {
      pause: () => runner.pause(),
      resume: () => runner.resume(),
      step: () => runner.step(),
      stop: () => runner.stop(),
      setPace: (p) => runner.setPace(p),
      // the lifecycle has already ended the run: the runner's own `finished` is then ignored
      abort: () => runner.stop()
    }
  }
