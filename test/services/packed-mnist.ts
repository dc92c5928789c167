// The packed MNIST folder as `npm run build` makes it. `npm test` runs the unit tests before the
// build, so on a fresh clone the tests make it the same way first (a no-op once it is there).
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')

export function packedMnistDir(): string {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'pack-mnist.mjs')], { stdio: 'ignore' })
  return join(ROOT, 'resources', 'mnist')
}
