// Every option of every `lab` command, declared once: the parser's Spec, `--help` and the
// documentation test all read these lists. A run's parameters come from its kind's rows
// (src/shared/kinds/), `lab train <kind>` from the registry; the rest are the command's own.
import { flagOf, type FieldSpec } from '../shared/fields'
import { mnist, MNIST_TRAIN_SIZE, scheduleText, simplenet, trainedKinds, type AnyKind } from '../shared/kinds'
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

/** The defaults of `lab` for a kind: its `lab train` defaults, else what its lesson opens with. */
export const cliDefaults = (kind: AnyKind): Record<string, unknown> => (kind.cli?.defaults ?? kind.defaults) as Record<string, unknown>

function words(field: FieldSpec, value: unknown): string {
  if (field.text === 'schedule') return scheduleText(value as Parameters<typeof scheduleText>[0], 'cli')
  return Array.isArray(value) ? value.join(',') : String(value)
}

function fieldOption(kind: AnyKind, field: FieldSpec): CliOption {
  const value = cliDefaults(kind)[field.key]
  return {
    flag: flagOf(field.key),
    meta: field.meta,
    help: field.help,
    allowed: field.parse.allowed,
    fallback: value === undefined ? 'randn(2,3) from the seed' : words(field, value)
  }
}

const fieldOptions = (kind: AnyKind): CliOption[] => kind.fields.map((f) => fieldOption(kind, f))

/** MNIST's own flags beside its fields: --epochs instead of --iterations, --textbook for the notebook's run. */
const mnistOptions = (table: CliOption[]): CliOption[] => {
  const at = table.findIndex((o) => o.flag === '--iterations') + 1
  const epochs: CliOption = {
    flag: '--epochs',
    meta: 'E',
    help: `train E epochs instead of --iterations: E * round(${MNIST_TRAIN_SIZE} / B) iterations`,
    allowed: 'an integer from 1 to 100000'
  }
  const textbook: CliOption = {
    flag: '--textbook',
    help: `the notebook's own run: --formulation textbook, and the notebook's settings as defaults (${Object.entries(mnist.notebook)
      .filter(([k]) => k !== 'kind' && k !== 'formulation')
      .map(([k, v]) => `${flagOf(k)} ${v}`)
      .join(', ')})`
  }
  return [...table.slice(0, at), epochs, ...table.slice(at), textbook]
}

/** `lab train <kind>` for every kind `lab` trains, in the chapter's order. */
const trainCommands = (): Command[] =>
  trainedKinds()
    .filter((k) => k.cli)
    .map((k) => ({
      name: `train ${k.kind}`,
      summary: k.cli!.summary,
      options: [...(k.kind === mnist.kind ? mnistOptions(fieldOptions(k)) : fieldOptions(k)), ...storing]
    }))

/** Every command, read when asked: a kind registered at run time (a test's) is listed too. */
export const commands = (): Command[] => [
  {
    name: 'simplenet',
    summary: "Section 4.4.2's one-layer net on one example: W, p = x·W, argmax(p), the loss and its numerical gradient dW.",
    options: [...fieldOptions(simplenet), ...storing]
  },
  ...trainCommands(),
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

export const command = (name: string): Command => commands().find((c) => c.name === name)!

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
  const all = commands()
  const width = Math.max(...all.map((c) => c.name.length + (c.operand ? c.operand.length + 1 : 0)))
  return [
    'usage: lab <command> [options]',
    '',
    'commands:',
    ...all.map((c) => `  ${`${c.name}${c.operand ? ` ${c.operand}` : ''}`.padEnd(width)}  ${c.summary.split('. ')[0].replace(/\.$/, '')}`),
    '',
    '`lab <command> --help` lists every option with its range and default (docs/cli.md has them all).',
    'The database is --db FILE, else $LAB_DB, else the desktop app\'s own file.',
    '--debug (with any command) adds the stack to an error\'s one line.',
    'Exit codes: 0 done, 1 the run failed or an unexpected error, 2 bad usage or options, 130 stopped (Ctrl-C).'
  ].join('\n')
}
