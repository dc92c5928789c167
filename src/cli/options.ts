// Every option of every `lab` command, declared once: the parser's Spec, `--help` and the
// documentation test all read these lists. A run's parameters come from the shared field
// table (src/shared/fields.ts); the rest are the command's own.
import { mnistQuickStart, notebook, type RunKind } from '../shared/config'
import { flagOf, runFields, type FieldSpec } from '../shared/fields'
import type { Spec } from './args'

export interface CliOption {
  flag: string
  /** The value's placeholder; absent for a switch. */
  meta?: string
  help: string
  /** What the value may be, as the error message words it. */
  allowed?: string
  /** The value used when the option is absent, in words. */
  fallback?: string
}

export interface Command {
  /** `train gate`, `runs`, … */
  name: string
  /** What comes after the name before the options, e.g. RUN_ID. */
  operand?: string
  summary: string
  options: CliOption[]
}

const json: CliOption = { flag: '--json', help: 'print JSON lines on stdout (one object per line), nothing else' }
const db: CliOption = { flag: '--db', meta: 'FILE', help: 'the run database', fallback: "$LAB_DB, else the desktop app's own file" }
const noSave: CliOption = { flag: '--no-save', help: 'do not store the run' }
const name: CliOption = { flag: '--name', meta: 'TEXT', help: "the run's name in the runs library", fallback: 'made from the settings' }
const storing = [json, noSave, db, name]

/** The notebook prints every 100 epochs; so does `lab` unless told otherwise. */
export const TABLE_LOG_EVERY = 100

/**
 * The defaults of `lab` for each kind of run (the notebook's settings, MNIST's quick start), with
 * the optional settings' own defaults spelled out (the notebook's loss and evaluations, every core).
 */
export const cliDefaults = {
  simplenet: { ...notebook.simplenet, formulation: 'notebook' },
  gate: { ...notebook.gate, logEvery: TABLE_LOG_EVERY },
  xor2: { ...notebook.xor2, logEvery: TABLE_LOG_EVERY },
  mnist: { ...mnistQuickStart, evalSchedule: 'every', threads: 0 }
} as const

function words(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v !== null ? `${(v as { lr: number }).lr}x${(v as { epochs: number }).epochs}` : String(v))).join(',')
  }
  return String(value)
}

function fieldOption(kind: RunKind, field: FieldSpec): CliOption {
  const value = (cliDefaults[kind] as Record<string, unknown>)[field.key]
  return {
    flag: flagOf(field.key),
    meta: field.meta,
    help: field.help,
    allowed: field.parse.allowed,
    fallback: value === undefined ? 'randn(2,3) from the seed' : words(value)
  }
}

const fieldOptions = (kind: RunKind): CliOption[] => runFields[kind].map((f) => fieldOption(kind, f))

const mnistOptions = (): CliOption[] => {
  const table = fieldOptions('mnist')
  const at = table.findIndex((o) => o.flag === '--iterations') + 1
  const epochs: CliOption = {
    flag: '--epochs',
    meta: 'E',
    help: 'train E epochs instead of --iterations: E * round(60000 / B) iterations',
    allowed: 'an integer from 1 to 100000'
  }
  const textbook: CliOption = {
    flag: '--textbook',
    help: `the notebook's own run: --formulation textbook, and the notebook's settings as defaults (${Object.entries(notebook.mnist)
      .filter(([k]) => k !== 'kind' && k !== 'formulation')
      .map(([k, v]) => `${flagOf(k)} ${v}`)
      .join(', ')})`
  }
  return [...table.slice(0, at), epochs, ...table.slice(at), textbook, ...storing]
}

export const commands: Command[] = [
  {
    name: 'simplenet',
    summary: "Section 4.4.2's one-layer net on one example: W, p = x·W, argmax(p), the loss and its numerical gradient dW.",
    options: [...fieldOptions('simplenet'), ...storing]
  },
  {
    name: 'train gate',
    summary: "Section 4.5.1: one sigmoid neuron learns a logic gate (init seed(S); w = randn(2); b = rand(1)). JSON: every K epochs {epoch, loss, weights, bias}; last {done, predictions, runId}.",
    options: [...fieldOptions('gate'), ...storing]
  },
  {
    name: 'train xor2',
    summary: "Section 4.5.2: the two-layer net that solves XOR, trained through a learning-rate schedule. JSON: every K epochs {epoch, lr, loss, params}; last {done, predictions, runId}.",
    options: [...fieldOptions('xor2'), ...storing]
  },
  {
    name: 'train mnist',
    summary: 'Section 4.5.3: the 784-H-10 network on MNIST with mini-batch gradient descent. JSON: per iteration {iteration, loss}, with trainAcc and testAcc every K; last {done, runId}.',
    options: mnistOptions()
  },
  {
    name: 'runs',
    summary: 'Every stored run, newest first. JSON: one array of {id, kind, status, createdAt, config, steps, name, reason, finalLoss}.',
    options: [json, db]
  },
  {
    name: 'export',
    operand: 'RUN_ID',
    summary:
      "One run's logged steps as CSV (RFC 4180, a header row; columns include step and loss), or as a Jupyter notebook that trains the run again in numpy and compares its numbers with the stored ones.",
    options: [
      { flag: '--out', meta: 'FILE', help: 'write the export to FILE', fallback: 'stdout' },
      { flag: '--format', meta: 'FORMAT', help: 'csv: the logged steps; ipynb: a notebook (nbformat 4) reproducing the run', allowed: 'one of csv, ipynb', fallback: 'csv' },
      { flag: '--language', meta: 'LANG', help: "the notebook's explanations (with --format ipynb)", allowed: 'one of en, ko', fallback: 'en' },
      db
    ]
  },
  {
    name: 'export-run',
    operand: 'RUN_ID',
    summary: 'One run whole (settings, every step, every snapshot) as a run file (.glrun, JSON lines with a sha256), for another installation.',
    options: [{ flag: '--out', meta: 'FILE', help: 'write the run file to FILE, a line at a time', fallback: 'stdout' }, db]
  },
  {
    name: 'import',
    operand: 'FILE',
    summary: 'Adds the run in a run file (.glrun) to the database, after checking it line by line; a run already there is not added again. JSON: {runId, duplicate}.',
    options: [json, db]
  }
]

export const command = (name: string): Command => commands.find((c) => c.name === name)!

export function specOf(c: Command): Spec {
  return {
    values: c.options.filter((o) => o.meta).map((o) => o.flag),
    switches: [...c.options.filter((o) => !o.meta).map((o) => o.flag), '--help']
  }
}

/** `lab <command> --help`: the usage line, what it does, every option with range and default. */
export function commandHelp(c: Command): string {
  const lines = [`usage: lab ${c.name}${c.operand ? ` ${c.operand}` : ''} [options]`, '', c.summary, '', 'options:']
  for (const o of c.options) {
    lines.push(`  ${o.flag}${o.meta ? ` ${o.meta}` : ''}`)
    const details = [o.allowed && `allowed: ${o.allowed}`, o.fallback && `default: ${o.fallback}`].filter(Boolean).join('; ')
    lines.push(`      ${o.help}${details ? ` (${details})` : ''}`)
  }
  return lines.join('\n')
}

/** `lab --help`: every command in a line, and where to read more. */
export function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length + (c.operand ? c.operand.length + 1 : 0)))
  return [
    'usage: lab <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${`${c.name}${c.operand ? ` ${c.operand}` : ''}`.padEnd(width)}  ${c.summary.split('. ')[0].replace(/\.$/, '')}`),
    '',
    '`lab <command> --help` lists every option with its range and default (docs/cli.md has them all).',
    'The database is --db FILE, else $LAB_DB, else the desktop app\'s own file.',
    '--debug (with any command) adds the stack to an error\'s one line.',
    'Exit codes: 0 done, 1 the run failed or an unexpected error, 2 bad usage or options, 130 stopped (Ctrl-C).'
  ].join('\n')
}
