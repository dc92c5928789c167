// The words of an exported notebook, in the language the app was showing when it was exported.
import type { Formulation, GradientMethod } from '../../engine/types'
import type { RunKind } from '../../shared/config'
import type { RunStatus } from '../../shared/api'
import type { Language } from '../../shared/language'
import type { Chapter4Text } from './text-chapter4'
import { en } from './text-en'
import { ko } from './text-ko'

export interface NotebookText {
  /** The notebook's language. */
  lang: Language
  /** `name` as the run is shown in this language (a default name worded in it, a typed one as typed). */
  /** Lessons 4.2, 4.3 and 4.4 (text-chapter4.ts). */
  chapter4: Chapter4Text
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
    customPoints: string
    edits: string
    diverges: string
  }
  /** Names of the compared quantities, printed before the last line (which stays in English). */
  label: {
    loss: string
    trainAcc: string
    testAcc: string
    testLoss: string
    finalParam(name: string): string
    output(name: string): string
  }
  /** The error when MNIST is missing; Python str.format fields {name} and {folder}. */
  missingMnist: string
  simplenet: { functions: string; model: string; training: string }
  table: { functions: string; training: string }
  gate: { model(backprop: boolean): string }
  xor2: { model(backprop: boolean): string; training: string }
  playground: { functions: string; model(custom: boolean): string; training: string }
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

export const texts: Record<Language, NotebookText> = { en, ko }
