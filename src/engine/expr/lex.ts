// A first pass over the typed text, before mathjs parses it: every character and every name must
// be one an expression may use, so what mathjs accepts beyond that (strings, matrices, units,
// assignments, `mod`, `!`, ...) never reaches its parser, and each refusal can name its position
// (mathjs's tree keeps none). Python's `**` becomes mathjs's `^` here, position for position.
import { FUNCTIONS, type ExprProblem } from './problem'

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/
const OPERATORS = '+-*/^()'

/** The source as mathjs should read it, or the first problem found (positions count from 1). */
export function lex(source: string, variables: string[]): { text: string } | { problem: ExprProblem } {
  let text = ''
  let i = 0
  while (i < source.length) {
    const rest = source.slice(i)
    const c = source[i]
    const number = NUMBER.exec(rest)
    const name = NAME.exec(rest)
    if (/\s/.test(c)) {
      text += ' '
      i += 1
    } else if (number) {
      text += number[0]
      i += number[0].length
    } else if (name) {
      const word = name[0]
      const isFunction = (FUNCTIONS as readonly string[]).includes(word)
      if (!isFunction && !variables.includes(word)) return { problem: { code: 'name', position: i + 1, name: word } }
      const called = /^\s*\(/.test(rest.slice(word.length))
      if (isFunction !== called) return { problem: { code: 'call', position: i + 1, name: word } }
      text += word
      i += word.length
    } else if (rest.startsWith('**')) {
      text += '^ '
      i += 2
    } else if (OPERATORS.includes(c)) {
      text += c
      i += 1
    } else {
      return { problem: { code: 'character', position: i + 1, char: String.fromCodePoint(source.codePointAt(i) ?? 0) } }
    }
  }
  return { text }
}

/** Where a name first stands as a whole word in the source (1-based), for problems found in the tree. */
export function positionOf(source: string, name: string): number {
  const at = new RegExp(`(?<![A-Za-z0-9_.])${name}(?![A-Za-z0-9_])`).exec(source)
  return at ? at.index + 1 : 1
}
