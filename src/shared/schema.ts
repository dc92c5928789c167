// Tiny runtime validators. Every payload that crosses a process boundary goes through one,
// so a bad value is rejected whole with a message naming the field and what is allowed.

/**
 * What a value had to be, as data, so a UI can word the rule in its own language; the English
 * `allowed` text (and the message built from it) is what the services and the CLI print.
 */
export type Rule =
  | { kind: 'number'; gt?: number; min?: number; max?: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'oneOf'; values: string[] }
  | { kind: 'text'; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'list'; min: number; max: number }
  | { kind: 'object' }
  | { kind: 'unknownField'; allowed: string[] }
  | { kind: 'oneHot' }
  /** Any other rule: only the English `allowed` says it. */
  | { kind: 'other' }

export class ValidationError extends Error {
  constructor(
    readonly field: string,
    readonly allowed: string,
    readonly got: unknown,
    /** Replaces the usual "FIELD must be ALLOWED (got …)" where that reads badly. */
    message?: string,
    readonly rule: Rule = { kind: 'other' }
  ) {
    super(message ?? `${field || 'value'} must be ${allowed} (got ${describe(got)})`)
    this.name = 'ValidationError'
  }
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)
  if (typeof v === 'number' || typeof v === 'boolean' || v == null) return String(v)
  if (Array.isArray(v)) return `an array of ${v.length}`
  return typeof v
}

export type Parser<T> = (v: unknown, field: string) => T

/** The type a parser yields: configuration and message types are derived from their parsers. */
export type Infer<P> = P extends Parser<infer T> ? T : never

/** A parser that can say what it allows, in the words of its error message (for help texts). */
export type Described<T> = Parser<T> & { readonly allowed: string }

export const described = <T>(allowed: string, parse: Parser<T>): Described<T> => Object.assign(parse, { allowed })

const join = (field: string, key: string | number): string =>
  typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${key}` : key

export function num(opts: { min?: number; max?: number; gt?: number; allowed?: string } = {}): Described<number> {
  const parts: string[] = []
  if (opts.gt !== undefined) parts.push(`greater than ${opts.gt}`)
  if (opts.min !== undefined) parts.push(`at least ${opts.min}`)
  if (opts.max !== undefined) parts.push(`at most ${opts.max}`)
  const allowed = opts.allowed ?? (parts.length ? `a number ${parts.join(' and ')}` : 'a finite number')
  // a caller's own wording of the rule has no structured twin
  const rule: Rule = opts.allowed ? { kind: 'other' } : { kind: 'number', gt: opts.gt, min: opts.min, max: opts.max }
  const fail = (field: string, v: unknown): ValidationError => new ValidationError(field, allowed, v, undefined, rule)
  return described(allowed, (v, field) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw fail(field, v)
    if (opts.gt !== undefined && !(v > opts.gt)) throw fail(field, v)
    if (opts.min !== undefined && v < opts.min) throw fail(field, v)
    if (opts.max !== undefined && v > opts.max) throw fail(field, v)
    return v
  })
}

export function int(min: number, max: number): Described<number> {
  const allowed = `an integer from ${min} to ${max}`
  return described(allowed, (v, field) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new ValidationError(field, allowed, v, undefined, { kind: 'integer', min, max })
    }
    return v
  })
}

export function oneOf<const T extends string>(...values: readonly T[]): Described<T> {
  const allowed = `one of ${values.join(', ')}`
  return described(allowed, (v, field) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      throw new ValidationError(field, allowed, v, undefined, { kind: 'oneOf', values: [...values] })
    }
    return v as T
  })
}

export function literal<T extends string>(value: T): Parser<T> {
  return oneOf(value)
}

export function str(opts: { max: number; min?: number }): Described<string> {
  const allowed = `text of ${opts.min ?? 0} to ${opts.max} characters`
  return described(allowed, (v, field) => {
    if (typeof v !== 'string' || v.length > opts.max || v.length < (opts.min ?? 0)) {
      throw new ValidationError(field, allowed, v, undefined, { kind: 'text', min: opts.min ?? 0, max: opts.max })
    }
    return v
  })
}

export const bool: Parser<boolean> = (v, field) => {
  if (typeof v !== 'boolean') throw new ValidationError(field, 'true or false', v, undefined, { kind: 'boolean' })
  return v
}

/** `noun` names the items in the message: "exactly 2 numbers", "a list of 1 to 10 items". */
export function array<T>(item: Parser<T>, opts: { min?: number; max: number; noun?: string }): Described<T[]> {
  const noun = opts.noun ?? 'items'
  const allowed = opts.min === opts.max ? `exactly ${opts.max} ${noun}` : `a list of ${opts.min ?? 0} to ${opts.max} ${noun}`
  return described(allowed, (v, field) => {
    if (!Array.isArray(v) || v.length < (opts.min ?? 0) || v.length > opts.max) {
      throw new ValidationError(field, allowed, v, undefined, { kind: 'list', min: opts.min ?? 0, max: opts.max })
    }
    return v.map((x, i) => item(x, join(field, i)))
  })
}

type Shape = Record<string, Parser<unknown>>
/** Keys whose parser may yield undefined (an `optional` without fallback) become optional keys. */
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends ReturnType<S[K]> ? K : never }[keyof S]
type Flat<T> = { [K in keyof T]: T[K] }
type Out<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: ReturnType<S[K]> } & { [K in OptionalKeys<S>]?: ReturnType<S[K]> }
>

/** An object with exactly these keys (unknown keys are rejected, not ignored). */
export function object<S extends Shape>(shape: S): Parser<Out<S>> {
  return (v, field) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw new ValidationError(field, 'an object', v, undefined, { kind: 'object' })
    }
    const rec = v as Record<string, unknown>
    for (const key of Object.keys(rec)) {
      if (!Object.hasOwn(shape, key)) {
        const name = join(field, key)
        const allowed = Object.keys(shape).join(', ')
        throw new ValidationError(name, `one of the fields ${allowed}`, rec[key], `unknown field ${name} (allowed: ${allowed})`, {
          kind: 'unknownField',
          allowed: Object.keys(shape)
        })
      }
    }
    const out: Record<string, unknown> = {}
    for (const [key, parse] of Object.entries(shape)) out[key] = parse(rec[key], join(field, key))
    return out as Out<S>
  }
}

/** A parser that may say what it allows (an optional one says what its parser allows). */
export type MaybeDescribed<T> = Parser<T> & { readonly allowed?: string }

/** Absent (undefined) becomes the fallback; anything else must parse. */
export function optional<T>(p: MaybeDescribed<T>, fallback: T): MaybeDescribed<T>
export function optional<T>(p: MaybeDescribed<T>): MaybeDescribed<T | undefined>
export function optional<T>(p: MaybeDescribed<T>, fallback?: T): MaybeDescribed<T | undefined> {
  const parse: Parser<T | undefined> = (v, field) => (v === undefined ? fallback : p(v, field))
  return p.allowed === undefined ? parse : described(p.allowed, parse)
}

/** A tagged union keyed by `kind`. */
export function byKind<P extends Record<string, Parser<unknown>>>(parsers: P): Parser<Infer<P[keyof P]>> {
  const kinds = Object.keys(parsers)
  return (v, field) => {
    const kind = (v as { kind?: unknown } | null)?.kind
    if (typeof kind !== 'string' || !Object.hasOwn(parsers, kind)) {
      throw new ValidationError(join(field, 'kind'), `one of ${kinds.join(', ')}`, kind, undefined, { kind: 'oneOf', values: kinds })
    }
    return parsers[kind](v, field) as Infer<P[keyof P]>
  }
}
