// Points from a CSV file: `x1,x2,label` per line, an optional header line of those three names.
// A bad line is refused with its number and what is allowed, as a code the UI words in its
// language and an English message for the CLI.
import { EXTENT, type Point } from './dataset'

export const MAX_CSV_POINTS = 2000
export const MAX_LABEL = 2

export type CsvProblem = 'columns' | 'number' | 'range' | 'label' | 'empty' | 'tooMany'

export interface CsvRefusal {
  /** 1-based line of the file (0 for the file as a whole). */
  line: number
  problem: CsvProblem
  /** The offending text, when there is one. */
  value?: string
  message: string
}

const ALLOWED = `each line is x1,x2,label with x1 and x2 numbers from -${EXTENT} to ${EXTENT} and label 0, 1 or 2`

function refuse(line: number, problem: CsvProblem, what: string, value?: string): CsvRefusal {
  return { line, problem, value, message: `${line > 0 ? `line ${line}: ` : ''}${what}; ${ALLOWED}` }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

export function parsePointsCsv(text: string): { points: Point[] } | { refusal: CsvRefusal } {
  const points: Point[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim()
    const line = i + 1
    if (raw === '') continue
    const cells = raw.split(',').map((c) => c.trim())
    if (points.length === 0 && line === firstLine(lines) && cells.join(',').toLowerCase() === 'x1,x2,label') continue
    if (cells.length !== 3) return { refusal: refuse(line, 'columns', `${cells.length} values instead of 3`, raw) }
    for (const c of cells.slice(0, 2)) {
      if (!NUMBER.test(c)) return { refusal: refuse(line, 'number', `"${c}" is not a number`, c) }
      if (Math.abs(Number(c)) > EXTENT) return { refusal: refuse(line, 'range', `${c} is off the plane`, c) }
    }
    if (!/^[0-9]+$/.test(cells[2]) || Number(cells[2]) > MAX_LABEL) return { refusal: refuse(line, 'label', `label "${cells[2]}" is not 0, 1 or 2`, cells[2]) }
    if (points.length === MAX_CSV_POINTS) return { refusal: refuse(line, 'tooMany', `more than ${MAX_CSV_POINTS} points`) }
    points.push([Number(cells[0]), Number(cells[1]), Number(cells[2])])
  }
  if (points.length < 2) return { refusal: refuse(0, 'empty', `the file holds ${points.length} point${points.length === 1 ? '' : 's'}, at least 2 are needed`) }
  return { points }
}

const firstLine = (lines: string[]): number => lines.findIndex((l) => l.trim() !== '') + 1
