// Steps a run takes in all. Pure: the services, the CLI and the renderer all count the same way.
import type { RunConfig } from './config'

/** Steps a run takes in all: epochs (gate, xor2 across its schedule), iterations (mnist), descent steps (simplenet). */
export function totalSteps(config: RunConfig): number {
  switch (config.kind) {
    case 'simplenet':
      return config.steps
    case 'gate':
      return config.epochs
    case 'xor2':
      return config.schedule.reduce((n, s) => n + s.epochs, 0)
    case 'mnist':
      return config.iterations
  }
}
