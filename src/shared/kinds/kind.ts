// What a kind of run is, as data: one descriptor per kind (src/shared/kinds/<kind>.ts) holds
// every fact the services, the `lab` command, the renderer and the notebooks need about it, so
// adding a kind is its descriptor, its trainer (src/engine/trainers.ts), its lesson views
// (src/renderer/src/lessons/index.ts) and its notebook builder (src/services/notebook/index.ts).
// docs/architecture.md, "How to add a kind".
import type { WeightEdit } from '../../engine/playground/config'
import type { Params, StepRecord } from '../../engine/types'
import type { FieldSpec } from '../fields'
import type { Parser } from '../schema'
import type { Language, Words } from './words'

export type { Language, Words }

/** One matrix a record carries: its name (the notebook's, `W1`), rows and columns. */
export type Shape = readonly [name: string, rows: number, cols: number]

/** The chapter's section a kind's lesson teaches. */
export interface LessonInfo {
  /** The book's section number, e.g. "4.5.1"; the sidebar lists lessons in this order. */
  section: string
  title: Words
  /** One line on what the lesson does, for the welcome page's map of the chapter. */
  blurb: Words
}

/** Upper bounds of what one run keeps: logged steps, parameter snapshots, evaluation snapshots. */
export interface RunCounts {
  metrics: number
  paramSnapshots: number
  evalSnapshots: number
}

/** How `lab train <kind>` prints a logged step (the contract in docs/cli.md). */
export interface CliForm<C> {
  /** `lab --help`'s line and `lab train <kind> --help`'s summary. */
  summary: string
  /** What `lab train <kind>` runs when given no flags. */
  defaults: C
  /** The JSON line of a logged step (`--json`). */
  json(r: StepRecord, config: C): object
  /** The human line of a logged step. */
  human(r: StepRecord, config: C): string
  /** Whether a stored record is printed (the trainer also reports a last and a diverged step). */
  printed(r: StepRecord, config: C): boolean
  /** What the done line adds from the final parameters (descent: the point x reached). */
  done?(params: Params): object
}

// Methods (not function-valued properties) on purpose: a descriptor of one kind's config is then
// usable where a descriptor of any config is expected (the registry holds them all as one type).
export interface KindDescriptor<C extends { kind: string } = { kind: string }> {
  readonly kind: C['kind']
  readonly lesson: LessonInfo
  /** Its parameters, each a row: key, parser (range), label, CLI form, help. */
  readonly fields: readonly FieldSpec[]
  /** The whole configuration, built from the rows (`configParser`). */
  readonly parse: Parser<C>
  /** The notebook's own settings ("notebook settings" restores these). */
  readonly notebook: C
  /** What the lesson opens with (and "quick start" where that differs from the notebook). */
  readonly defaults: C
  /** `step`: trained step by step in an engine process (a trainer); `computed`: one instant computation. */
  readonly run: 'step' | 'computed'
  /** The first logged step: 0 when step 0 (the starting point) is a record, else 1. */
  readonly firstStep: 0 | 1
  /** What a step is called ("Train one epoch"): epoch, iteration, or a plain step (gradient descent). */
  readonly stepNoun: 'epoch' | 'iteration' | 'step'
  /** The parameters its records carry, in run-file order. */
  params(config: C): readonly Shape[]
  /** Whether snapshots carry the gradients too (`d` + each parameter's name). */
  readonly grads: boolean
  /** Bytes per stored snapshot number: 4 (float32) or 8 (float64). Metrics are always float64. */
  readonly precision: 4 | 8
  /** Whether evaluation records carry a 10x10 confusion matrix. */
  readonly confusion: boolean
  /** How many final outputs a finished run keeps (0: none). */
  readonly predictions: number
  /** Whether the library may ask for all its snapshots at once (`runs:history`): small models only. */
  readonly history: boolean
  /** The data set its trainer needs, loaded by the host (not the engine); null for none. */
  readonly dataset: 'mnist' | null
  /** Live progress keeps at most this many points over the whole run (null: every record). */
  readonly livePoints: number | null
  totalSteps(config: C): number
  counts(config: C): RunCounts
  /** The settings to raise when a run would outgrow the run-file limit, in the order to suggest them. */
  readonly budgetKnobs: readonly string[]
  /** The name a run gets when nobody names it (the store saves the English one). */
  defaultName(config: C, lang: Language): string
  /** Whether setting `key` changed what the run computed (Compare greys out the others: h under backprop). */
  applies(config: C, key: string): boolean
  /** The few settings that tell its runs apart (the library's settings column). */
  keyParams(config: C, lang: Language): string
  /** `lab train <kind>`; absent for a kind `lab` does not train. */
  readonly cli?: CliForm<C>
  /**
   * The configuration of a branch: this run's, with one weight set by hand after `step` steps (a
   * paused run edited in its lesson). Absent for a kind whose weights are not edited so.
   */
  branch?(config: C, edit: WeightChange, step: number): C
}

/** One entry of a parameter matrix set by hand, at the step the paused run holds at: a branch's edit without its epoch. */
export type WeightChange = Omit<WeightEdit, 'epoch'>

/** The descriptor of any kind, as the registry holds it. */
export type AnyKind = KindDescriptor<{ kind: string }>
