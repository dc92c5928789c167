// Small phrases several kinds' settings texts share, in both languages, and the helpers their
// `lab` lines use.
import type { StepRecord } from '../../engine/types'

/** A text in both UI languages. */
export interface Words {
  en: string
  ko: string
}
export type Language = keyof Words

const seedWord = { en: 'seed', ko: '시드' } as const
const lrWord = { en: 'lr', ko: '학습률' } as const

export const seedText = (v: number, lang: Language): string => `${seedWord[lang]} ${v}`
export const lrText = (v: number | string, lang: Language): string => `${lrWord[lang]} ${v}`
export const epochsText = (v: number, lang: Language): string => (lang === 'en' ? `${v} epochs` : `${v} 에폭`)

/** h is the numerical gradient's step: it means nothing to a backprop run. */
export const hWhenNumerical = (c: { gradient: string }, key: string): boolean => key !== 'h' || c.gradient === 'numerical'

/** A logged parameter as a flat list, for the JSON lines. */
export const flat = (r: StepRecord, name: string): number[] => Array.from(r.params?.[name]?.data ?? [])

/** Numbers as numpy prints a small array, for the human lines. */
export const numpyList = (xs: number[]): string => `[${xs.map((x) => x.toPrecision(9)).join(' ')}]`

/** Every K-th epoch, the contract's cadence (the trainer also stores a last and a diverged one). */
export const everyLogged = (r: StepRecord, c: { logEvery: number }): boolean => r.step % c.logEvery === 0

/** Logged steps of a run that logs every K-th of `total` steps, its last one and a diverged one. */
export const loggedSteps = (total: number, logEvery: number): number => Math.min(total, Math.floor(total / logEvery) + 2)

/** The notebook prints every 100 epochs; so does `lab` unless told otherwise. */
export const TABLE_LOG_EVERY = 100
