// How an MNIST run uses the machine's cores: `threads` from its configuration (0: the machine's
// available parallelism), the calling thread included. One thread computes as the engine alone does.
import { availableParallelism } from 'node:os'
import type { MnistCompute, MnistData } from '../../engine/mnist'
import type { Training } from '../../engine/types'
import { ThreadPool } from './pool'

export { ThreadPool } from './pool'

/** The threads a run asks for: `threads`, or with 0 every core this process may use. */
export const threadCount = (threads: number): number => (threads > 0 ? threads : availableParallelism())

export interface RunCompute {
  compute?: MnistCompute
  /** Ends the run's worker threads (nothing to do without them). */
  close(): Promise<void>
}

/** The compute for a run: worker threads for an MNIST run with more than one thread. */
export function computeFor(config: Training & { threads?: number }, data: MnistData | undefined): RunCompute {
  const threads = config.kind === 'mnist' && data ? threadCount(config.threads ?? 0) : 1
  if (config.kind !== 'mnist' || !data || threads === 1) return { close: async () => undefined }
  const pool = new ThreadPool(data, config, threads)
  return { compute: pool, close: async () => void (await pool.close()) }
}
