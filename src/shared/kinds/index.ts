// The registry of run kinds: every kind's descriptor, looked up by its name. Whatever differs
// between kinds (fields, shapes, precision, counts, names, CLI lines, lessons) is read from here;
// a new kind is one more descriptor in BUILT_IN (docs/architecture.md, "How to add a kind").
import { ValidationError, type Infer, type Parser } from '../schema'
import { derivative } from './derivative'
import { descent } from './descent'
import { gate } from './gate'
import { gradient } from './gradient'
import { loss } from './loss'
import type { AnyKind, KindDescriptor, Language } from './kind'
import { mnist } from './mnist'
import { playground } from './playground'
import { simplenet } from './simplenet'
import { xor2 } from './xor2'

export type * from './kind'

/** The kinds this build knows, each once. */
const BUILT_IN = [loss, derivative, gradient, descent, simplenet, gate, xor2, mnist, playground] as const

/** A configuration of any built-in kind (each kind's own type: `GateConfig`, …). */
export type RunConfig = Infer<(typeof BUILT_IN)[number]['parse']>
export type RunKind = RunConfig['kind']
/** The configurations an engine trainer trains step by step. */
export type TrainConfig = Extract<RunConfig, { kind: Extract<(typeof BUILT_IN)[number], { run: 'step' }>['kind'] }>

type Descriptors = (typeof BUILT_IN)[number]
/** Each built-in kind's notebook settings, by kind. */
export const notebook = Object.fromEntries(BUILT_IN.map((d) => [d.kind, d.notebook])) as { [D in Descriptors as D['kind']]: D['notebook'] }

const registry = new Map<string, AnyKind>(BUILT_IN.map((d) => [d.kind, d as AnyKind]))

/**
 * Adds a kind defined elsewhere (the toy kind of test/shared/toy-kind.test.ts). A kind of the
 * product belongs in BUILT_IN instead, where its configuration joins RunConfig's type.
 */
export function registerKind(d: AnyKind): void {
  if (registry.has(d.kind)) throw new Error(`there is already a kind ${d.kind}`)
  registry.set(d.kind, d as AnyKind)
}

const sectionOrder = (a: AnyKind, b: AnyKind): number => {
  const x = a.lesson.section.split('.').map(Number)
  const y = b.lesson.section.split('.').map(Number)
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i]
  return x.length - y.length
}

/** Every kind, in the chapter's order (the order of the lessons). */
export const allKinds = (): AnyKind[] => [...registry.values()].sort(sectionOrder)

/** The kinds `lab train` and the engine processes train step by step. */
export const trainedKinds = (): AnyKind[] => allKinds().filter((d) => d.run === 'step')

export const isKind = (kind: unknown): kind is RunKind => typeof kind === 'string' && registry.has(kind)

/** The descriptor of a kind; a name no descriptor has is a bug here (parsers refuse it first). */
export function kindOf<K extends RunKind>(kind: K): KindDescriptor<Extract<RunConfig, { kind: K }>>
export function kindOf(kind: string): AnyKind
export function kindOf(kind: string): AnyKind {
  const d = registry.get(kind)
  if (!d) throw new Error(`there is no kind of run ${JSON.stringify(kind)}`)
  return d
}

/** The names of the parameters a run's records carry, in the notebook's order. */
export const paramNames = (config: { kind: string }): string[] => kindOf(config.kind).params(config).map(([name]) => name)

/** Steps a run takes in all: epochs, iterations, descent steps. */
export const totalSteps = (config: { kind: string }): number => kindOf(config.kind).totalSteps(config)

/**
 * The name a run gets when nobody names it. The store saves it in English; the runs library
 * recognises it (the stored name equals this for the run's config) and shows the kind's name in
 * the UI's language instead, while a name the user typed is shown as typed.
 */
export const defaultName = (config: { kind: string }): string => kindOf(config.kind).defaultName(config, 'en')

/** A run's name as the library shows it: a default name in the UI's language, a typed one as typed. */
export function shownName(r: { name: string; config: { kind: string } }, lang: Language): string {
  if (lang === 'en' || r.name !== defaultName(r.config)) return r.name
  return kindOf(r.config.kind).defaultName(r.config, lang)
}

/** The book's section and the lesson's title, as the sidebar and the library show it. */
export const lessonTitle = (kind: string, lang: Language): string => {
  const { section, title } = kindOf(kind).lesson
  return `${section} ${title[lang]}`
}

/** Parses `kind` and the configuration of that kind, whichever kinds `among` lists right now. */
function configOf<C>(among: () => AnyKind[]): Parser<C> {
  return (v, field) => {
    const kind = (v as { kind?: unknown } | null)?.kind
    const kinds = among().map((d) => d.kind)
    if (typeof kind !== 'string' || !kinds.includes(kind)) {
      const at = field ? `${field}.kind` : 'kind'
      throw new ValidationError(at, `one of ${kinds.join(', ')}`, kind, undefined, { kind: 'oneOf', values: kinds })
    }
    return kindOf(kind).parse(v, field) as C
  }
}

/** A configuration of any kind, each field in its range (the run budget is config.ts's). */
export const anyRunConfig: Parser<RunConfig> = configOf(allKinds)
/** A configuration of a kind that trains step by step. */
export const anyTrainConfig: Parser<TrainConfig> = configOf(trainedKinds)

/** A kind's name, as the runs filter takes it. */
export const parseKind: Parser<RunKind> = (v, field) => {
  if (isKind(v)) return v
  const kinds = allKinds().map((d) => d.kind)
  throw new ValidationError(field, `one of ${kinds.join(', ')}`, v, undefined, { kind: 'oneOf', values: kinds })
}

export { derivative, descent, gate, gradient, loss, mnist, playground, simplenet, xor2 }
export { parseDerivative, type DerivativeConfig } from './derivative'
export { parseGradient, type GradientConfig } from './gradient'
export { parseLoss, type LossConfig } from './loss'
export { parseDescent, type DescentConfig } from './descent'
export { parseGate, type GateConfig } from './gate'
export { iterationsPerEpoch, mnistQuickStart, MNIST_TRAIN_SIZE, parseMnist, type MnistConfig } from './mnist'
export { parsePlayground, spiralSuggestion, type PlaygroundConfig } from './playground'
export { parseSimpleNet, type SimpleNetConfig } from './simplenet'
export { parseXor2, scheduleLr, scheduleText, scheduleEpochs, type Xor2Config } from './xor2'
