// Command-line options: `--name value` pairs and bare switches, checked against what each
// command allows (src/cli/options.ts). Values are validated with the same parsers as the app
// (src/shared/config), named by their flag, so a message reads "--lr must be a number greater
// than 0 … (got "abc")".
import { flagOf, type TextForm } from '../shared/fields'
import { ValidationError, type Parser } from '../shared/schema'

/** A failure `lab` reports in one line: exit 2 for a mistake in the command line (the default), 1 for a failure of the machine or its files. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2
  ) {
    super(message)
  }
}

export interface Spec {
  /** options that take a value */
  values: string[]
  /** switches without a value */
  switches: string[]
}

export interface Parsed {
  positional: string[]
  values: Map<string, string>
  switches: Set<string>
}

export function parseArgs(argv: string[], spec: Spec, command: string): Parsed {
  const out: Parsed = { positional: [], values: new Map(), switches: new Set() }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) {
      out.positional.push(a)
      continue
    }
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    if (spec.switches.includes(name)) {
      if (inline !== undefined) throw new CliError(`${name} takes no value`)
      out.switches.add(name)
    } else if (spec.values.includes(name)) {
      // "--lr --json" means the value was forgotten, not that it is "--json"
      const v = inline ?? (argv[i + 1]?.startsWith('--') ? undefined : argv[++i])
      if (v === undefined) throw new CliError(`${name} needs a value`)
      out.values.set(name, v)
    } else {
      const allowed = [...spec.values, ...spec.switches].join(', ')
      throw new CliError(`unknown option ${name} for \`${command}\` (allowed: ${allowed})`)
    }
  }
  return out
}

/** Plain decimal notation (0.1, -2, 1e-4); not hex, binary, Infinity, blanks or padding. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/** Text in decimal notation becomes a number; anything else stays text for the message. */
export function numeric(text: string): number | string {
  return DECIMAL.test(text) && Number.isFinite(Number(text)) ? Number(text) : text
}

export function list(text: string): (number | string)[] {
  return text.split(',').map(numeric)
}

/** Digits only, as numpy wants a seed or a count: "1.0" and "1e3" stay text and are refused. */
export function integer(text: string): number | string {
  return /^[+-]?\d+$/.test(text) ? Number(text) : text
}

/** "0.1x1000,0.3x1000" -> [{lr, epochs}]; a malformed piece is refused here, saying how it is written. */
function schedule(flag: string) {
  return (text: string): unknown =>
    text.split(',').map((piece) => {
      const m = /^\s*([^x\s]+)\s*x\s*([^x\s]+)\s*$/.exec(piece)
      if (!m) throw new CliError(`${flag} must be segments LRxEPOCHS separated by commas, like 0.1x1000,0.3x1000 (got ${JSON.stringify(piece)})`)
      return { lr: numeric(m[1]), epochs: integer(m[2]) }
    })
}

/** The reader of a value written in this form, for the option `flag`. */
export function reader(form: TextForm, flag: string): (text: string) => unknown {
  switch (form) {
    case 'integer':
      return integer
    case 'number':
      return numeric
    case 'numbers':
      return list
    case 'word':
      return String
    case 'capitals':
      return (text) => text.toUpperCase()
    case 'schedule':
      return schedule(flag)
  }
}

/** The flag's value parsed by `parse`, or `fallback` when the flag is absent. */
export function flag<T>(p: Parsed, name: string, parse: Parser<T>, fallback: T, convert: (s: string) => unknown = numeric): T {
  const text = p.values.get(name)
  return text === undefined ? fallback : parse(convert(text), name)
}

/** Runs a whole-config parser, naming a rejected field by its flag (config.logEvery -> --log-every). */
export function byFlags<T>(check: () => T): T {
  try {
    return check()
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e
    const flagName = flagOf(e.field.replace(/^config\./, ''))
    throw new ValidationError(flagName, e.allowed, e.got, e.message.replace(e.field, flagName))
  }
}
