// A run file line by line, from text in memory (an import over IPC or the WebSocket) or from a
// file read in 1 MiB chunks (the CLI), so that no more than one line is ever decoded at a time.
import { createReadStream } from 'node:fs'
import { MAX_LINE_BYTES } from '../../shared/run-budget'
import { refuse } from './refuse'

/** Each call starts over: an import reads its file twice, once to check, once to write. */
export type LineSource = () => Iterable<string> | AsyncIterable<string>

const tooLong = (n: number): never =>
  refuse({ id: 'runfile.lineTooLong', params: { line: n, limit: MAX_LINE_BYTES } })

export function textLines(text: string): LineSource {
  return function* () {
    let start = 0
    for (let n = 1; start < text.length; n++) {
      let end = text.indexOf('\n', start)
      if (end < 0) end = text.length
      if (end - start > MAX_LINE_BYTES) tooLong(n)
      yield text.slice(start, end)
      start = end + 1
    }
  }
}

export function fileLines(path: string): LineSource {
  return async function* () {
    let parts: Buffer[] = []
    let size = 0
    let n = 1
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let from = 0
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
        if (size + nl - from > MAX_LINE_BYTES) tooLong(n)
        parts.push(chunk.subarray(from, nl))
        yield Buffer.concat(parts).toString('utf8')
        parts = []
        size = 0
        n++
        from = nl + 1
      }
      size += chunk.length - from
      if (size > MAX_LINE_BYTES) tooLong(n)
      parts.push(chunk.subarray(from))
    }
    if (size > 0) yield Buffer.concat(parts).toString('utf8')
  }
}
