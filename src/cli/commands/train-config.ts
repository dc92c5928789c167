// `lab train gate|xor2|mnist` options -> a validated TrainConfig. Defaults are the notebook's
// settings (the MNIST default is the quick standard backprop run unless --textbook).
import type { GateConfig, MnistConfig, ScheduleSegment, TrainConfig, Xor2Config } from '../../shared/config'
import { fields, mnistQuickStart, notebook, parseTrainConfig, segment } from '../../shared/config'
import { array } from '../../shared/schema'
import { byFlags, CliError, flag, numeric, type Parsed, type Spec } from '../args'

const common = ['--seed', '--h', '--gradient', '--db', '--name']
const switches = ['--json', '--no-save']

export const trainSpecs: Record<TrainConfig['kind'], Spec> = {
  gate: { values: [...common, '--log-every', '--gate', '--lr', '--epochs'], switches },
  xor2: { values: [...common, '--log-every', '--schedule'], switches },
  mnist: {
    values: [...common, '--hidden', '--batch', '--iterations', '--epochs', '--lr', '--eval-every', '--snapshot-every'],
    switches: [...switches, '--textbook']
  }
}

/** The notebook prints every 100 epochs; so does `lab` unless told otherwise. */
const GATE_LOG_EVERY = 100
const TRAIN_SIZE = 60000

function schedule(text: string): unknown {
  // "0.1x1000,0.3x1000" -> [{lr, epochs}]; a malformed piece stays text for the message
  return text.split(',').map((piece) => {
    const m = /^\s*([^x\s]+)\s*x\s*([^x\s]+)\s*$/.exec(piece)
    return m ? { lr: numeric(m[1]), epochs: numeric(m[2]) } : piece
  })
}
const scheduleParser = (v: unknown, field: string): ScheduleSegment[] => {
  if (Array.isArray(v)) {
    const bad = v.find((s) => typeof s === 'string')
    if (bad !== undefined) throw new CliError(`${field} must be segments LRxEPOCHS separated by commas, like 0.1x1000,0.3x1000 (got ${JSON.stringify(bad)})`)
  }
  return array(segment, { min: 1, max: 10 })(v, field)
}

export function trainConfig(kind: TrainConfig['kind'], p: Parsed): TrainConfig {
  let config: TrainConfig
  if (kind === 'gate') {
    const d = notebook.gate
    config = {
      kind,
      gate: flag(p, '--gate', fields.gate, d.gate, (s) => s.toUpperCase()),
      seed: flag(p, '--seed', fields.seed, d.seed),
      lr: flag(p, '--lr', fields.lr, d.lr),
      epochs: flag(p, '--epochs', fields.epochs, d.epochs),
      h: flag(p, '--h', fields.h, d.h),
      gradient: flag(p, '--gradient', fields.gradient, d.gradient, String),
      logEvery: flag(p, '--log-every', fields.logEvery, GATE_LOG_EVERY)
    } satisfies GateConfig
  } else if (kind === 'xor2') {
    const d = notebook.xor2
    config = {
      kind,
      seed: flag(p, '--seed', fields.seed, d.seed),
      schedule: flag(p, '--schedule', scheduleParser, d.schedule.map((s) => ({ ...s })), schedule),
      h: flag(p, '--h', fields.h, d.h),
      gradient: flag(p, '--gradient', fields.gradient, d.gradient, String),
      logEvery: flag(p, '--log-every', fields.logEvery, GATE_LOG_EVERY)
    } satisfies Xor2Config
  } else {
    const d: MnistConfig = p.switches.has('--textbook') ? { ...notebook.mnist } : mnistQuickStart
    const batch = flag(p, '--batch', fields.batch, d.batch)
    if (p.values.has('--iterations') && p.values.has('--epochs')) throw new CliError('give --iterations or --epochs, not both')
    const perEpoch = Math.max(Math.round(TRAIN_SIZE / batch), 1)
    const iterations = p.values.has('--epochs')
      ? flag(p, '--epochs', fields.epochs, 1) * perEpoch
      : flag(p, '--iterations', fields.iterations, d.iterations)
    config = {
      kind,
      seed: flag(p, '--seed', fields.seed, d.seed),
      hidden: flag(p, '--hidden', fields.hidden, d.hidden),
      batch,
      iterations,
      lr: flag(p, '--lr', fields.lr, d.lr),
      gradient: flag(p, '--gradient', fields.gradient, d.gradient, String),
      formulation: d.formulation,
      h: flag(p, '--h', fields.h, d.h),
      evalEvery: flag(p, '--eval-every', fields.evalEvery, d.evalEvery),
      snapshotEvery: flag(p, '--snapshot-every', fields.snapshotEvery, d.snapshotEvery)
    } satisfies MnistConfig
  }
  // the same whole-config check the app applies (ranges were checked flag by flag above)
  return byFlags(() => parseTrainConfig(config, 'config'))
}
