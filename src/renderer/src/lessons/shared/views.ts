// Each lesson's Views (lessons/<kind>/Views.svelte) and the props it takes, in one typed table:
// the live lesson and the runs library's replay both render through it (LessonViews.svelte), so a
// Views component whose props drift from what they pass is a type error, not a blank panel.
// A built-in kind (src/shared/kinds/) without an entry here is a type error too.
import type { Component } from 'svelte'
import type { DescentConfig, GateConfig, MnistConfig, PlaygroundConfig, RunConfig, RunKind, SimpleNetConfig, Xor2Config } from '../../../../shared/config'
import type { Metrics, MnistSamples, Snapshot } from '../../../../shared/api'
import type { DerivativeConfig, GradientConfig, LossConfig, WeightChange } from '../../../../shared/kinds'
import DerivativeViews from '../derivative/Views.svelte'
import DescentViews from '../descent/Views.svelte'
import GateViews from '../gate/Views.svelte'
import GradientViews from '../gradient/Views.svelte'
import LossViews from '../loss/Views.svelte'
import MnistViews from '../mnist/Views.svelte'
import PlaygroundViews from '../playground/Views.svelte'
import SimpleNetViews from '../simplenet/Views.svelte'
import Xor2Views from '../xor2/Views.svelte'

/** What every lesson's Views draw: a run's config, its metrics and parameters. */
export interface ViewsProps<C extends RunConfig> {
  config: C
  /** Columns; in a replay cut at the replayed step. */
  metrics: Metrics
  /** The parameters (and gradients, confusion matrix) at snapshot.step. */
  snapshot: Snapshot | null
  /** Final outputs for the 4 rows of a gate or XOR run, used when there is no snapshot. */
  predictions?: number[] | null
  /** The replayed step, shown in headings (omitted when live). */
  step?: number
  /** Earlier snapshots, for the weights-over-epochs chart. */
  history?: Snapshot[]
  /** A replay: the whole run's metrics, drawn behind `metrics` with a cursor at `step`. */
  whole?: Metrics
  /** Every step is to be seen (a watchable speed): charts redraw at once. */
  watching?: boolean
  /** Not training right now (paused, stepped, finished, replayed): explain the step on screen. */
  explain?: boolean
}

export interface SimpleNetViewsProps extends ViewsProps<SimpleNetConfig> {
  /** An input on screen is invalid: the results are for the last valid ones. */
  stale?: boolean
}

export interface MnistViewsProps extends ViewsProps<MnistConfig> {
  /** Test digits from 'mnist:samples' for the predictions grid and the draw pad's examples. */
  samples?: MnistSamples | null
}

export interface PlaygroundViewsProps extends ViewsProps<PlaygroundConfig> {
  /** The lesson's editor: the map takes placed points (a replay passes none of these). */
  editable?: boolean
  onplace?: (x1: number, x2: number) => void
  onremove?: (x1: number, x2: number) => void
  /** The epoch a paused run holds at, when its weights may be set by hand (the lesson's); null otherwise. */
  editAt?: number | null
  /** A weight set by hand: the lesson starts a branch of the run. */
  onedit?: (edit: WeightChange) => void
}

export interface ViewsPropsOf {
  loss: ViewsProps<LossConfig>
  derivative: ViewsProps<DerivativeConfig>
  gradient: ViewsProps<GradientConfig>
  descent: ViewsProps<DescentConfig>
  simplenet: SimpleNetViewsProps
  gate: ViewsProps<GateConfig>
  xor2: ViewsProps<Xor2Config>
  mnist: MnistViewsProps
  playground: PlaygroundViewsProps
}

interface ViewsEntry<K extends RunKind> {
  component: Component<ViewsPropsOf[K]>
  /** The views chart the weights over epochs from a `history` of snapshots (a replay fetches it). */
  weightHistory: boolean
}

export const viewsTable: { [K in RunKind]: ViewsEntry<K> } = {
  loss: { component: LossViews, weightHistory: false },
  derivative: { component: DerivativeViews, weightHistory: false },
  gradient: { component: GradientViews, weightHistory: false },
  descent: { component: DescentViews, weightHistory: true },
  simplenet: { component: SimpleNetViews, weightHistory: false },
  gate: { component: GateViews, weightHistory: true },
  xor2: { component: Xor2Views, weightHistory: true },
  mnist: { component: MnistViews, weightHistory: false },
  // its test-loss curve is computed from every logged epoch's weights
  playground: { component: PlaygroundViews, weightHistory: true }
}

/** Lessons whose views chart the weights over epochs from a `history` of snapshots. */
export const hasWeightHistory = (kind: RunKind): boolean => viewsTable[kind].weightHistory

/** A lesson kind with props of that kind, as one value (what LessonViews renders). */
export type BoundViews = { [K in RunKind]: { kind: K; props: ViewsPropsOf[K] } }[RunKind]

/** The data a run's views are drawn from, whatever its kind. */
export type ViewsData = Omit<ViewsProps<RunConfig>, 'config'> & { samples?: MnistSamples | null }

/** Pairs a config with the views of its own kind (the config's `kind` picks both). */
export const bindViews = (config: RunConfig, data: ViewsData): BoundViews => ({ kind: config.kind, props: { ...data, config } }) as BoundViews
