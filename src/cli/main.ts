// The `lab` command: `npm run --silent lab -- <command> [options]` (contract in DESIGN.md).
import { ValidationError } from '../shared/schema'
import { CliError } from './args'
import type { Output } from './commands/common'
import { exportRun } from './commands/export'
import { runs } from './commands/runs'
import { simplenet } from './commands/simplenet'
import { train } from './commands/train'

const USAGE = `usage: lab <command> [options]
  simplenet --seed S --x a,b --t i,j,k [--h H] [--json] [--no-save] [--db FILE]
  train gate --gate AND|OR|NAND|XOR --seed S --lr X --epochs N --log-every K [--h H] [--gradient numerical|backprop] [--json] [--no-save] [--db FILE]
  train xor2 --seed S --schedule 0.1x1000,0.3x1000 --log-every K [--h H] [--gradient numerical|backprop] [--json] [--no-save] [--db FILE]
  train mnist --seed S --hidden H --batch B --iterations N|--epochs E --lr X --gradient numerical|backprop [--textbook] --eval-every K [--json] [--no-save] [--db FILE]
  runs [--json] [--db FILE]
  export RUN_ID [--out FILE] [--format csv|ipynb] [--language en|ko] [--db FILE]
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
