// A CSV larger than its limit is refused as soon as it would pass it: the rows after are never read.
import { describe, expect, it } from 'vitest'
import { CsvTooLarge, toCsv } from '../../src/services/csv'

describe('CSV size limit', () => {
  it('stops reading rows at the limit', () => {
    let pulled = 0
    function* rows(n: number) {
      for (let i = 0; i < n; i++) {
        pulled++
        yield [i, 'abcdef']
      }
    }
    // header "n,s" and rows "0,abcdef" to "9,abcdef", each with its CRLF: 5 + 10 * 10 characters
    expect(toCsv(['n', 's'], rows(10), 105)).toHaveLength(105)
    pulled = 0
    expect(() => toCsv(['n', 's'], rows(1_000_000), 105)).toThrow(CsvTooLarge)
    expect(pulled).toBe(11)
  })
})
