// `lab train gate|xor2|mnist` options -> a validated TrainConfig, every parameter read from its
// flag in the shared field table. Defaults are the notebook's settings (src/cli/options.ts;
// MNIST's is the quick standard backprop run unless --textbook).
import { parseTrainConfig, type TrainConfig } from '../../shared/config'
import { fields, flagOf } from '../../shared/fields'
import { iterationsPerEpoch, mnist, type AnyKind } from '../../shared/kinds'
import { byFlags, CliError, flag, integer, reader, type Parsed } from '../args'
import { cliDefaults } from '../options'

export function trainConfig(kind: AnyKind, p: Parsed): TrainConfig {
  const isMnist = kind.kind === mnist.kind
  const textbook = isMnist && p.switches.has('--textbook')
  if (textbook && p.values.has('--formulation')) throw new CliError('give --textbook or --formulation, not both')
  const defaults: Record<string, unknown> = textbook ? mnist.notebook : cliDefaults(kind)
  const given: Record<string, unknown> = { kind: kind.kind }
  for (const field of kind.fields) {
    const name = flagOf(field.key)
    given[field.key] = flag(p, name, field.parse, defaults[field.key], reader(field.text, name))
  }
  if (isMnist && p.values.has('--epochs')) {
    if (p.values.has('--iterations')) throw new CliError('give --iterations or --epochs, not both')
    given.iterations = flag(p, '--epochs', fields.epochs, 1, integer) * iterationsPerEpoch(given.batch as number)
  }
  // the same whole-config check the app applies (ranges were checked flag by flag above)
  return byFlags(() => parseTrainConfig(given, 'config'))
}
