// LabApi: the one typed contract between the renderer and whatever hosts the services
// (Electron main over IPC, or the browser host over a WebSocket). Each channel is named
// `namespace:method`, has a request validator run on the receiving side, and answers with
// an envelope { ok: true, value } | { ok: false, error }.
import type { Problem } from './problems'
import type { StepChange, StepRecord } from '../engine/types'
import { parseRunConfig, type RunConfig, type RunKind } from './config'
import { parseKind } from './kinds'
import { parsePace } from './pace'
import { RUN_FILE_LIMIT } from './run-budget'
import { array, bool, int, num, object, optional, str, type Parser } from './schema'
import { language } from './language'
import { FILENAME_MAX, NAME_MAX, runName, runNote } from './limits'
import type { RunStatus } from './status'

export type { RunStatus } from './status'
export type { Metrics } from './metrics'
import type { Metrics } from './metrics'

export interface RunSummary {
  id: number
  kind: RunKind
  name: string
  note: string
  status: RunStatus
  /** Why a run failed or was interrupted, in words. */
  reason: string | null
  config: RunConfig
  createdAt: string
  finishedAt: string | null
  durationMs: number | null
  steps: number
  finalLoss: number | null
  finalTrainAcc: number | null
  finalTestAcc: number | null
  /** Set on a run that came from a run file: when, from which file, and its id where it was exported. */
  imported?: ImportOrigin | null
  /** A branch: the run whose paused weights were edited to start it (null when that run was deleted, or for any other run). */
  parentId?: number | null
}

export interface ImportOrigin {
  at: string
  file: string | null
  originalId: number | null
}

export interface RunDetail extends RunSummary {
  predictions: number[] | null
  /** Steps that carry a parameter snapshot, ascending. */
  snapshotSteps: number[]
  /** Total steps the run was configured for. */
  totalSteps: number
}

/** Matrices cross process boundaries as plain arrays (JSON over the WebSocket). */
export interface WireMatrix {
  rows: number
  cols: number
  data: number[]
}
export type WireParams = Record<string, WireMatrix>
export type WireStepRecord = Omit<StepRecord, 'params' | 'grads'> & { params?: WireParams; grads?: WireParams }

export interface Snapshot {
  step: number
  params: WireParams
  grads?: WireParams
  confusion?: number[]
  /** Live MNIST snapshots: what the update into them did (not stored). */
  change?: StepChange
}

/** Live progress pushed to the renderer, throttled (a few per second at most). */
export interface ProgressEvent {
  runId: number
  status: RunStatus
  done: number
  total: number
  /** Steps per second, measured over the recent past. */
  rate: number
  /** Seconds left at that rate; null when unknown. */
  etaSeconds: number | null
  /** Training time so far, pauses excluded. */
  elapsedMs: number
  /** Records since the previous event (decimated for long runs; the last one always kept). */
  records: WireStepRecord[]
  reason?: string | null
  predictions?: number[]
}

export interface ExportFile {
  filename: string
  mime: string
  /** Text content, or base64 when `base64` is true. */
  content: string
  base64?: boolean
}

export interface MnistSamples {
  /** count*784 pixels 0..255 of the first test images */
  pixels: number[]
  labels: number[]
}

export interface RunFilter {
  kind?: RunKind
}

const runId = object({ runId: int(1, Number.MAX_SAFE_INTEGER) })
/**
 * At most this many snapshots in one `runs:history` answer: a 100,000-epoch gate run keeps a
 * snapshot per epoch, and a chart cannot show more points than it has pixels anyway.
 */
export const HISTORY_LIMIT = 5000
const runIds = object({ runIds: array(int(1, Number.MAX_SAFE_INTEGER), { min: 1, max: 100 }) })

/** Request parsers by channel; the keys are the whole API surface. */
export const requests = {
  /** paused: the run is created and owned but waits at step 0, so that it can be stepped from the start. */
  /** pace: steps per second (null or absent: full speed), kept by the engine; see pace.ts. */
  'runs:start': object({
    config: parseRunConfig,
    name: optional(str({ max: NAME_MAX })),
    paused: optional(bool),
    pace: optional(parsePace)
  }),
  /** A training run's speed from now on, running or paused. */
  'runs:pace': object({ runId: int(1, Number.MAX_SAFE_INTEGER), pace: parsePace }),
  'runs:pause': runId,
  'runs:resume': runId,
  /** A paused run takes exactly one step (an epoch, or an MNIST iteration), stored and emitted like any other. */
  'runs:step': runId,
  'runs:stop': runId,
  /**
   * A paused run's weight set by hand: the run ends `stopped` where it holds, and a branch starts,
   * paused at that step, with the weight set (its kind's `branch`; the playground's). The entry is
   * checked against the run's network by the kind's parser.
   */
  'runs:branch': object({
    runId: int(1, Number.MAX_SAFE_INTEGER),
    edit: object({ param: str({ min: 1, max: 8 }), row: int(0, 1000), col: int(0, 1000), value: num() })
  }),
  // by kind only: matching names and statuses is the library's, on the list it holds (RunStore.listRuns says why)
  'runs:list': optional(object({ kind: optional(parseKind) })),
  'runs:get': runId,
  'runs:delete': runId,
  'runs:rename': object({ runId: int(1, Number.MAX_SAFE_INTEGER), name: runName }),
  'runs:setNote': object({ runId: int(1, Number.MAX_SAFE_INTEGER), note: runNote }),
  'runs:metrics': runId,
  'runs:snapshot': object({ runId: int(1, Number.MAX_SAFE_INTEGER), step: int(0, Number.MAX_SAFE_INTEGER) }),
  'runs:history': object({ runId: int(1, Number.MAX_SAFE_INTEGER), upTo: optional(int(0, Number.MAX_SAFE_INTEGER)) }),
  'export:runCsv': runId,
  'export:weightsCsv': object({ runId: int(1, Number.MAX_SAFE_INTEGER), step: int(0, Number.MAX_SAFE_INTEGER) }),
  'export:runsCsv': runIds,
  'export:runFile': runId,
  // a run file of any allowed run fits (run-budget.ts); checked before the file is read
  'import:runFile': object({ content: str({ min: 1, max: RUN_FILE_LIMIT }), filename: optional(str({ max: FILENAME_MAX })) }),
  /** A notebook rebuilding the run in numpy; MNIST runs with withMnist: a .zip with the four data files beside it. */
  'export:notebook': object({ runId: int(1, Number.MAX_SAFE_INTEGER), language, withMnist: optional(bool, false) }),
  'mnist:samples': object({ count: int(1, 200) }),
  /** Facts about the host for the welcome page: where its runs are kept. */
  'app:info': object({}),
  /** Training digits by index (a mini-batch of lesson 4.2: np.random.choice(60000, B)). */
  'mnist:trainDigits': object({ indices: array(int(0, 59999), { min: 1, max: 100 }) }),
  'files:save': object({
    filename: str({ min: 1, max: 200 }),
    mime: str({ max: 100 }),
    content: str({ max: 512 * 1024 * 1024 }),
    base64: optional(bool, false)
  })
} satisfies Record<string, Parser<unknown>>

export type Channel = keyof typeof requests
export type Request<C extends Channel> = ReturnType<(typeof requests)[C]>

/** What each channel answers. */
export interface Responses {
  'runs:start': { runId: number }
  'runs:pause': null
  'runs:resume': null
  'runs:step': null
  'runs:pace': null
  'runs:stop': null
  /** The branch's id. */
  'runs:branch': { runId: number }
  'runs:list': RunSummary[]
  'runs:get': RunDetail
  'runs:delete': null
  'runs:rename': null
  'runs:setNote': null
  'runs:metrics': Metrics
  'runs:snapshot': Snapshot | null
  /**
   * Parameters (no gradients) of the snapshots at or before `upTo` (all when omitted), ascending;
   * beyond HISTORY_LIMIT evenly decimated, keeping the first and the last. Gate, XOR and
   * SimpleNet runs only: MNIST asks 'invalid' (its snapshots are ~40k numbers each).
   */
  'runs:history': Snapshot[]
  'export:runCsv': ExportFile
  'export:weightsCsv': ExportFile
  'export:runsCsv': ExportFile
  'export:runFile': ExportFile
  /** duplicate: the library already held this run (same content), and runId is that run. */
  'import:runFile': { runId: number; duplicate: boolean }
  'export:notebook': ExportFile
  'mnist:samples': MnistSamples
  /** database: the path of the SQLite file that keeps the runs. */
  'app:info': { database: string }
  'mnist:trainDigits': MnistSamples
  /** Electron: Save dialog; false when the user cancelled. The browser host downloads instead. */
  'files:save': { saved: boolean; path?: string }
}

/** Events pushed from the host to the renderer. */
export interface Events {
  'run:progress': ProgressEvent
}
export type EventName = keyof Events
export const EVENT_NAMES = ['run:progress'] as const satisfies readonly EventName[]

/** 'invalid' for a rejected payload, 'not-found', 'busy', 'engine', 'internal' */
export const ERROR_CODES = ['invalid', 'not-found', 'busy', 'engine', 'internal'] as const

export interface ApiError {
  code: (typeof ERROR_CODES)[number]
  /** In English (the CLI's and the logs' words). */
  message: string
  /** The same as a code and its parameters, for a front to word in its own language. */
  problem?: Problem
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** The renderer's view of the host. */
export interface LabApi {
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Responses[C]>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /** 'electron' or 'browser': only for wording (e.g. "Save…" vs "Download"). */
  readonly host: 'electron' | 'browser'
}

export const channels = Object.keys(requests) as Channel[]

export function isChannel(c: unknown): c is Channel {
  // own keys only: 'constructor' or '__proto__' are in every object, and are not channels
  return typeof c === 'string' && Object.prototype.hasOwnProperty.call(requests, c)
}
