// Points read from a CSV: good files give their points, a bad line is refused by its number.
import { describe, expect, it } from 'vitest'
import { parsePointsCsv } from '../../src/engine/playground'

describe('parsePointsCsv', () => {
  it('reads x1,x2,label lines, a header and blank lines allowed, CRLF too', () => {
    expect(parsePointsCsv('x1,x2,label\r\n1.5,-2,0\r\n\r\n-0.25, 3e0 ,2\r\n')).toEqual({
      points: [
        [1.5, -2, 0],
        [-0.25, 3, 2]
      ]
    })
  })

  it.each([
    ['0,0,0\n1,1\n', 2, 'columns', 'line 2: 2 values instead of 3'],
    ['0,0,0\n1,1,1\nx,1,0\n', 3, 'number', 'line 3: "x" is not a number'],
    ['0,0,0\n7,1,0\n', 2, 'range', 'line 2: 7 is off the plane'],
    ['0,0,0\n1,1,3\n', 2, 'label', 'line 2: label "3" is not 0, 1 or 2'],
    ['x1,x2,label\n0,0,0\nx1,x2,label\n', 3, 'number', 'line 3: "x1" is not a number'],
    ['0,0,1.5\n', 1, 'label', 'line 1: label "1.5" is not 0, 1 or 2']
  ])('refuses %j at line %i (%s)', (text, line, problem, message) => {
    const r = parsePointsCsv(text)
    expect(r).toMatchObject({ refusal: { line, problem } })
    if ('refusal' in r) {
      expect(r.refusal.message).toBe(`${message}; each line is x1,x2,label with x1 and x2 numbers from -6 to 6 and label 0, 1 or 2`)
    }
  })

  it('refuses a file with fewer than two points as a whole', () => {
    expect(parsePointsCsv('x1,x2,label\n1,1,1\n')).toMatchObject({ refusal: { line: 0, problem: 'empty' } })
  })
})
