// Every refused import says why and that the library is as it was. A reason given as plain
// English names a rule of the format; it travels as 'runfile.ruleAt' (with the line it names, for
// the other languages) or 'runfile.rule'.
import type { Problem } from '../../shared/problems'
import { ApiFailure } from '../errors'

export const refuse = (why: string | Problem): never => {
  const line = typeof why === 'string' ? /^line (\d+)\b/.exec(why)?.[1] : undefined
  const reason: Problem =
    typeof why !== 'string' ? why : line ? { id: 'runfile.ruleAt', params: { line: Number(line), detail: why } } : { id: 'runfile.rule', params: { detail: why } }
  throw new ApiFailure('invalid', { id: 'runfile.refused', params: { why: reason } })
}
