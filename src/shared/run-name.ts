// The name a run gets when nobody names it. The store saves it in English; the runs library
// recognises it (the stored name equals the default for the run's config) and shows it in the
// UI's language instead, while a name the user typed is shown as typed.
import type { RunConfig } from '../shared/config'

export function defaultName(config: RunConfig): string {
  switch (config.kind) {
    case 'simplenet':
      return `SimpleNet seed ${config.seed}`
    case 'gate':
      return `${config.gate} gate, lr ${config.lr}`
    case 'xor2':
      return `XOR two layers, ${config.schedule.map((s) => `${s.lr}x${s.epochs}`).join(', ')}`
    case 'mnist':
      return `MNIST ${config.formulation} ${config.gradient}, hidden ${config.hidden}, lr ${config.lr}`
  }
}
