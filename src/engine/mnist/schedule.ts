// When an MNIST run evaluates its accuracy: every `evalEvery` iterations, or on the book's
// schedule (ch05's train_neuralnet.py evaluates when `i % iter_per_epoch == 0`, i counted from 0
// after each update, iter_per_epoch = max(train_size / batch_size, 1), a float division: after
// iterations 1, 601, 1201, ... at batch 100); and always after the last iteration.
import type { MnistTraining } from '../types'

type Schedule = Pick<MnistTraining, 'evalEvery' | 'evalSchedule' | 'batch' | 'iterations'>

/** True when iteration `done` (1-based) is evaluated on a training split of `trainCount` images. */
export function evaluatesAt(config: Schedule, trainCount: number, done: number): boolean {
  if (done === config.iterations) return true
  // Python's % and JavaScript's agree on positive operands (both exact)
  if (config.evalSchedule === 'book') return (done - 1) % Math.max(trainCount / config.batch, 1) === 0
  return config.evalEvery > 0 && done % config.evalEvery === 0
}

/** How many evaluations a run makes (for estimates: on the `every` schedule, one more when the last falls on it). */
export function evaluationCount(config: Schedule, trainCount: number): number {
  if (config.evalSchedule !== 'book') return (config.evalEvery > 0 ? Math.floor(config.iterations / config.evalEvery) : 0) + 1
  let count = 0
  for (let done = 1; done <= config.iterations; done++) if (evaluatesAt(config, trainCount, done)) count++
  return count
}
