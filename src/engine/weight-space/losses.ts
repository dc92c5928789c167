// Each lesson's loss as a function of its parameters, for the weight-space view: the same losses
// the trainers minimise (docs/models.md).
import { crossEntropyError, crossEntropyErrorForBin, softmax } from '../functions'
import { gateForward } from '../gates'
import { dot, vector } from '../linalg'
import { LABELS, X } from '../truthtable'
import type { GateName } from '../types'
import { xor2Forward } from '../xor2'
import type { ParamsLoss } from './slice'

/** 4.5.1's neuron { w, b } on the gate's truth table. */
export const gateLoss =
  (gate: GateName): ParamsLoss =>
  (p) =>
    crossEntropyErrorForBin(gateForward(p, X).data, LABELS[gate])

/** 4.5.2's two-layer XOR { W1, b1, W2, b2 }. */
export const xor2Loss: ParamsLoss = (p) => crossEntropyErrorForBin(xor2Forward(p, X).output.data, LABELS.XOR)

/** 4.4.2's SimpleNet { W } on one example x with one-hot t; delta as the formulation has it (notebook 1e-4). */
export const simpleNetLoss =
  (x: readonly number[], t: readonly number[], delta = 1e-4): ParamsLoss =>
  (p) =>
    crossEntropyError(softmax(dot(vector(x), p.W).data), t, delta)

/**
 * Both gate and XOR losses sum 0.5·(−t log y − (1−t) log(1−y)) over four rows: with every output
 * at 0.5 that is 4 · 0.5 · log 2 = 2 log 2, the plateau where XOR's training stalls.
 */
export const PLATEAU = 2 * Math.log(2)
