// The `lab` command: `npm run --silent lab -- <command> [options]`. Its commands, options, JSON
// lines and exit codes are a contract that scripts rely on: docs/cli.md.
import { CliError } from './args'
import { commandHelp, commands, overview } from './options'
import type { Output } from './commands/common'
import { exportRun } from './commands/export'
import { exportRunFileCommand, importCommand } from './commands/runfile'
import { runs } from './commands/runs'
import { describeFailure } from './failure'
import { simplenet } from './commands/simplenet'
import { derivative } from './commands/derivative'
import { gradient } from './commands/gradient'
import { loss } from './commands/loss'
import { train } from './commands/train'

const out: Output = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n')
}

type Runner = (args: string[], out: Output, write: (text: string) => void) => number | Promise<number>

/** Each command's first word and what runs it (the exports write their file's text to stdout). */
const RUNNERS: Record<string, Runner> = {
  simplenet,
  train,
  loss,
  derivative,
  gradient,
  runs,
  export: exportRun,
  'export-run': exportRunFileCommand,
  import: importCommand
}

/** The help asked for by `lab [command [model]] --help` (or `lab help`), or null. */
function help(argv: string[]): string | null {
  if (argv[0] === 'help') return overview()
  if (!argv.includes('--help')) return null
  const words = argv.filter((a) => !a.startsWith('-'))
  const name = words[0] === 'train' && words[1] ? `train ${words[1]}` : words[0]
  const all = commands()
  const found = all.find((c) => c.name === name)
  if (found) return commandHelp(found)
  if (name === 'train') return all.filter((c) => c.name.startsWith('train ')).map(commandHelp).join('\n\n')
  if (name === undefined) return overview()
  throw new CliError(`no help for ${JSON.stringify(words.slice(0, 2).join(' '))}: the commands are ${all.map((c) => c.name).join(', ')}`)
}

async function main(argv: string[]): Promise<number> {
  const text = help(argv)
  if (text !== null) {
    out.stdout(text)
    return 0
  }
  const [command, ...rest] = argv
  const run = command !== undefined && Object.hasOwn(RUNNERS, command) ? RUNNERS[command] : undefined
  if (run) return run(rest, out, (text) => process.stdout.write(text))
  // no command, or options before it (`lab --db F`): say how it is used, and fail
  if (command === undefined || command.startsWith('-')) {
    out.stderr(overview())
    return 2
  }
  throw new CliError(`unknown command ${JSON.stringify(command)} (commands: ${commands().map((c) => c.name.split(' ')[0]).filter((n, i, all) => all.indexOf(n) === i).join(', ')})`)
}

// --debug anywhere: a failure's stack too, after its one line
const debug = process.argv.includes('--debug')
// `lab runs | head -1` closes the pipe early: that is the reader's choice, not a failure
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

main(process.argv.slice(2).filter((a) => a !== '--debug')).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    const failure = describeFailure(e)
    process.stderr.write(`lab: ${failure.line}\n`)
    if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`)
    process.exitCode = failure.exitCode
  }
)
