// The `lab` command: `npm run --silent lab -- <command> [options]`. Its commands, options, JSON
// lines and exit codes are a contract that scripts rely on: docs/cli.md.
import { ValidationError } from '../shared/schema'
import { CliError } from './args'
import { commandHelp, commands, overview } from './options'
import type { Output } from './commands/common'
import { exportRun } from './commands/export'
import { runs } from './commands/runs'
import { simplenet } from './commands/simplenet'
import { train } from './commands/train'

const out: Output = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n')
}

/** The help asked for by `lab [command [model]] --help` (or `lab help`), or null. */
function help(argv: string[]): string | null {
  if (argv[0] === 'help') return overview()
  if (!argv.includes('--help')) return null
  const words = argv.filter((a) => !a.startsWith('-'))
  const name = words[0] === 'train' && words[1] ? `train ${words[1]}` : words[0]
  const found = commands.find((c) => c.name === name)
  if (found) return commandHelp(found)
  if (name === 'train') return commands.filter((c) => c.name.startsWith('train ')).map(commandHelp).join('\n\n')
  if (name === undefined) return overview()
  throw new CliError(`no help for ${JSON.stringify(words.slice(0, 2).join(' '))}: the commands are ${commands.map((c) => c.name).join(', ')}`)
}

async function main(argv: string[]): Promise<number> {
  const text = help(argv)
  if (text !== null) {
    out.stdout(text)
    return 0
  }
  const [command, ...rest] = argv
  switch (command) {
    case 'simplenet':
      return simplenet(rest, out)
    case 'train':
      return train(rest, out)
    case 'runs':
      return runs(rest, out)
    case 'export':
      return exportRun(rest, out, (text) => process.stdout.write(text))
    default:
      // no command, or options before it (`lab --db F`): say how it is used, and fail
      if (command === undefined || command.startsWith('-')) {
        out.stderr(overview())
        return 2
      }
      throw new CliError(`unknown command ${JSON.stringify(command)} (commands: simplenet, train, runs, export)`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: Error) => {
    const known = e instanceof CliError || e instanceof ValidationError
    process.stderr.write(`lab: ${known ? e.message : e.stack ?? e.message}\n`)
    process.exitCode = known ? 2 : 1
  }
)
