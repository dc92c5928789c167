// The words of an exported notebook, in the language the app was showing when it was exported.
import type { Formulation, GradientMethod } from '../../engine/types'
import type { RunKind } from '../../shared/config'
import type { RunStatus } from '../../shared/api'
import { en } from './text-en'
import { ko } from './text-ko'

export interface NotebookText {
  title(name: string, id: number, kind: RunKind): string
  intro(steps: number): string
  /** A note for a run that did not finish normally; '' for a finished one. */
  status(status: RunStatus, last: number, total: number): string
  config: string
  stored(steps: number, float32: boolean): string
  compare: string
  /** Python comments inside code cells. */
  comment: {
    editedW: string
    stepZero: string
    endedEarly(step: number): string
    gateBackprop: string
    schedule: string
    xorBroadcast: string
    xorShared: string
    idxNames: string
    chunks: string
    wholeSoftmax: string
    rowSoftmax: string
    textbookBackprop: string
    standardBackprop: string
    twolayernetBackprop: string
    textbookChange: string
    standardChange: string
    hiddenChange: string
    saturated: string
    zeroPixels: string
    memory: string
    checkBatch: string
    brightest: string
    lossAfter: string
    lossBefore: string
    diverges: string
  }
  /** Names of the compared quantities, printed before the last line (which stays in English). */
  label: {
    loss: string
    trainAcc: string
    testAcc: string
    finalParam(name: string): string
    output(name: string): string
  }
  /** The error when MNIST is missing; Python str.format fields {name} and {folder}. */
  missingMnist: string
  simplenet: { functions: string; model: string; training: string }
  table: { functions: string; training: string }
  gate: { model(backprop: boolean): string }
  xor2: { model(backprop: boolean): string; training: string }
  descent: { functions: string; model: string; training: string; pointLabel: string }
  mnist: {
    data: string
    timing(numpyMinutes: number, labMinutes: number, naiveMinutes: number): string
    functions(formulation: Formulation): string
    model(formulation: Formulation, gradient: GradientMethod): string
    training(formulation: Formulation): string
    chaos: string
    rounding: string
  }
}

export type NotebookLanguage = 'en' | 'ko'

export const texts: Record<NotebookLanguage, NotebookText> = { en, ko }

/** Minutes as words: "under a minute", "about 12 minutes", "about 3.5 hours". */
export function duration(minutes: number, units: { underOne: string; minutes: string; hours: string }): string {
  if (minutes < 1) return units.underOne
  if (minutes < 90) return units.minutes.replace('{n}', String(Math.round(minutes)))
  return units.hours.replace('{n}', (minutes / 60).toFixed(1))
}
