// How fast a run trains, in steps per second (null: as fast as the engine goes). The engine process
// keeps the pace itself (src/services/engine-process/runner.ts), so a run records the same rows at
// any speed. At WATCHABLE_PACE or slower every step is sent and drawn, not only the logged ones.
import type { RunKind } from './config'
import { described, ValidationError } from './schema'

export type Pace = number | null

/** The speeds a lesson offers, slowest first; null is full speed. */
export const PACES: readonly Pace[] = [1, 2, 5, 10, 30, 100, 1000, null]

export const WATCHABLE_PACE = 30

/** The small lessons start slow enough to watch (their notebook runs last 10-20 s); the book's 20 descent steps are walked at 5 a second. */
const WATCHED: Partial<Record<RunKind, Pace>> = { descent: 5, gate: 100, xor2: 100, playground: 100 }

/** A lesson's starting speed: full speed unless it is one of the small lessons (MNIST trains at full speed). */
export const defaultPace = (kind: RunKind): Pace => WATCHED[kind] ?? null

const allowed = `one of ${PACES.map((p) => p ?? 'null (full speed)').join(', ')} steps per second`

/** A pace in a request: one of PACES. */
export const parsePace = described<Pace>(allowed, (v, field) => {
  if (PACES.includes(v as Pace)) return v as Pace
  throw new ValidationError(field, allowed, v)
})
