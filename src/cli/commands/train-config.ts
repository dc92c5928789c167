// `lab train gate|xor2|mnist` options -> a validated TrainConfig, every parameter read from its
// flag in the shared field table. Defaults are the notebook's settings (src/cli/options.ts;
// MNIST's is the quick standard backprop run unless --textbook).
import { fields, notebook, parseTrainConfig, type TrainConfig } from '../../shared/config'
import { flagOf, runFields } from '../../shared/fields'
import { byFlags, CliError, flag, integer, reader, type Parsed } from '../args'
import { cliDefaults } from '../options'

const TRAIN_SIZE = 60000

export function trainConfig(kind: TrainConfig['kind'], p: Parsed): TrainConfig {
  const textbook = kind === 'mnist' && p.switches.has('--textbook')
  if (textbook && p.values.has('--formulation')) throw new CliError('give --textbook or --formulation, not both')
  const defaults: Record<string, unknown> = textbook ? notebook.mnist : cliDefaults[kind]
  const given: Record<string, unknown> = { kind }
  for (const field of runFields[kind]) {
    const name = flagOf(field.key)
    given[field.key] = flag(p, name, field.parse, defaults[field.key], reader(field.text, name))
  }
  if (kind === 'mnist' && p.values.has('--epochs')) {
    if (p.values.has('--iterations')) throw new CliError('give --iterations or --epochs, not both')
    const perEpoch = Math.max(Math.round(TRAIN_SIZE / (given.batch as number)), 1)
    given.iterations = flag(p, '--epochs', fields.epochs, 1, integer) * perEpoch
  }
  // the same whole-config check the app applies (ranges were checked flag by flag above)
  return byFlags(() => parseTrainConfig(given, 'config'))
}
