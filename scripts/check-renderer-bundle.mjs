// After `npm run build`: the renderer bundle must not carry the WebAssembly kernels. Its CSP
// forbids compiling them, and it only needs predict(), which is plain JavaScript; a change to
// the import graph that pulls src/engine/mnist/kernels/wasm.ts back in fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(process.cwd(), 'out', 'renderer')
// "\0asm", the first bytes of every WebAssembly module, in base64
const WASM_BASE64 = 'AGFzbQ'

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

let all
try {
  all = files(root).filter((f) => f.endsWith('.js'))
} catch {
  console.error(`check-renderer-bundle: ${root} is missing; run \`npm run build\` first`)
  process.exit(2)
}
const carrying = all.filter((f) => readFileSync(f, 'utf8').includes(WASM_BASE64))
if (carrying.length) {
  console.error(`check-renderer-bundle: the renderer bundle carries a WebAssembly module: ${carrying.join(', ')}`)
  process.exit(1)
}
console.log(`check-renderer-bundle: no WebAssembly in ${all.length} renderer script(s)`)
