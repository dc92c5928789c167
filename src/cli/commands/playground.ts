// What `lab train playground` reads beyond its rows: `--data FILE.csv`, whose points become the
// run's own (a bad line refused by its number), and `--layers 0` for a network without hidden layers.
import { readFileSync } from 'node:fs'
import { parsePointsCsv, type Point } from '../../engine/playground'
import { CliError, type Parsed } from '../args'

/** Takes those two flags out of `p` (the rows would refuse them) and says what they set. */
export function playgroundFlags(p: Parsed, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): { custom?: Point[]; layers?: number[] } {
  const out: { custom?: Point[]; layers?: number[] } = {}
  const data = p.values.get('--data')
  if (data !== undefined && /\.csv$/i.test(data)) {
    let text: string
    try {
      text = read(data)
    } catch (e) {
      throw new CliError(`--data ${data}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1)
    }
    const r = parsePointsCsv(text)
    if ('refusal' in r) throw new CliError(`--data ${data}: ${r.refusal.message}`)
    p.values.set('--data', 'custom')
    out.custom = r.points
  }
  if (p.values.get('--layers')?.trim() === '0') {
    p.values.delete('--layers')
    out.layers = []
  }
  return out
}
