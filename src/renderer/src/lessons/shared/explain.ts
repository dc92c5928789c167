// The explained step of a gate or two-layer XOR run, from what the views already have: the
// parameters after the step before come from the nearest earlier snapshot (or the seed's
// initialisation), trained on by the pure engine; the store keeps nothing more for it.
import { explainStep, initialParams, paramsAfter, type ExplainedStep } from '../../../../engine'
import type { GateConfig, Xor2Config } from '../../../../shared/config'
import type { Snapshot } from '../../../../shared/api'
import { fromWireParams } from '../../../../shared/wire'

/** Farther than this from a snapshot, the epochs to recompute would hold up the window: no panel. */
const MAX_GAP = 5000

/** Epoch `step` explained, or null when it cannot be (no step yet, or too far from any snapshot). */
export function explainAt(config: GateConfig | Xor2Config, step: number, history: readonly Snapshot[]): ExplainedStep | null {
  if (step < 1) return null
  let from: Snapshot | null = null
  for (const s of history) if (s.step <= step - 1 && (!from || s.step > from.step)) from = s
  const fromStep = from?.step ?? 0
  if (step - 1 - fromStep > MAX_GAP) return null
  const start = from ? fromWireParams(from.params) : initialParams(config)
  const before = fromStep === step - 1 ? start : paramsAfter(config, start, fromStep, step - 1)
  return explainStep(config, before, step)
}

/** Entry k of `size` entries of parameter `name`, as the notebook names them: w₁, w₂, b, W1₁. */
const SUBSCRIPTS = ['₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉']
export const entryLabel = (name: string, k: number, size: number): string => (size > 1 ? `${name}${SUBSCRIPTS[k] ?? `[${k + 1}]`}` : name)
