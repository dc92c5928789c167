// The `lab` command: `npm run --silent lab -- <command> [options]` (contract in DESIGN.md).
import { CliError } from './args'
import type { Output } from './commands/common'
import { exportRun } from './commands/export'
import { exportRunFileCommand, importCommand } from './commands/runfile'
import { runs } from './commands/runs'
import { describeFailure } from './failure'
import { simplenet } from './commands/simplenet'
import { train } from './commands/train'

const USAGE = `usage: lab <command> [options]
  simplenet --seed S --x a,b --t i,j,k [--h H] [--json] [--no-save] [--db FILE]
  train gate --gate AND|OR|NAND|XOR --seed S --lr X --epochs N --log-every K [--h H] [--gradient numerical|backprop] [--json] [--no-save] [--db FILE]
  train xor2 --seed S --schedule 0.1x1000,0.3x1000 --log-every K [--h H] [--gradient numerical|backprop] [--json] [--no-save] [--db FILE]
  train mnist --seed S --hidden H --batch B --iterations N|--epochs E --lr X --gradient numerical|backprop [--textbook] --eval-every K [--json] [--no-save] [--db FILE]
  runs [--json] [--db FILE]
  export RUN_ID [--out FILE] [--format csv|ipynb] [--language en|ko] [--db FILE]
  export-run RUN_ID [--out FILE.glrun] [--db FILE]
  import FILE.glrun [--json] [--db FILE]
 --debug (with any command) shows the stack of an error.
The database is --db FILE, else $LAB_DB, else the desktop app's own file.`

const out: Output = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n')
}

async function main(argv: string[]): Promise<number> {
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
    case 'export-run':
      return exportRunFileCommand(rest, out, (text) => process.stdout.write(text))
    case 'import':
      return importCommand(rest, out)
    case 'help':
    case '--help':
      out.stdout(USAGE)
      return 0
    default:
      // no command, or options before it (`lab --db F`): say how it is used, and fail
      if (command === undefined || command.startsWith('-')) {
        out.stderr(USAGE)
        return 2
      }
      throw new CliError(`unknown command ${JSON.stringify(command)} (commands: simplenet, train, runs, export, export-run, import)`)
  }
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
