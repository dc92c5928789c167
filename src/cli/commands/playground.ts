// What `lab train playground` adds to the generic train command: `--data FILE.csv` read into
// the run's own points (a bad line refused by its number), and its JSON and human lines.
import { readFileSync } from 'node:fs'
import { DATASETS, parsePointsCsv } from '../../engine/playground'
import type { StepRecord } from '../../engine/types'
import { CliError } from '../args'

/** `--data` names a generator or a CSV file; a file becomes data `custom` with its points. */
export function playgroundData(given: Record<string, unknown>, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): void {
  const data = given.data
  if (typeof data !== 'string' || (DATASETS as readonly string[]).includes(data)) return
  if (!/\.csv$/i.test(data)) return // left to the field's own check, which lists what is allowed
  let text: string
  try {
    text = read(data)
  } catch (e) {
    throw new CliError(`--data ${data}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1)
  }
  const r = parsePointsCsv(text)
  if ('refusal' in r) throw new CliError(`--data ${data}: ${r.refusal.message}`)
  given.data = 'custom'
  given.custom = r.points
}

/** The contract's JSON line of a logged epoch. */
export const playgroundJsonLine = (r: StepRecord): object => ({
  epoch: r.step,
  trainLoss: r.loss,
  testLoss: r.testLoss,
  trainAcc: r.trainAcc,
  testAcc: r.testAcc
})

export const playgroundHumanLine = (r: StepRecord): string =>
  `Epoch : ${r.step}, Train loss : ${r.loss}, Test loss : ${r.testLoss}, Train accuracy : ${r.trainAcc}, Test accuracy : ${r.testAcc}`
