// `npm start`: build, then open the desktop app — or, where Electron cannot run (its binary is
// not installed and cannot be downloaded, or there is no display), say so and start the browser
// host instead, which prints the URL to open. Extra arguments go to whichever starts:
// `npm start -- --no-sandbox` (Electron as root), `npm start -- --port 8080` (browser host).
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const { electronBinary, tryInstallElectron, ELECTRON_MISSING } = require('./electron-binary.cjs')
const { electronSqliteBinding } = require('./electron-sqlite.cjs')

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
if (build.status !== 0) process.exit(build.status ?? 1)

const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
// no point downloading ~100 MB for a window that cannot open
const electron = headless ? electronBinary() : tryInstallElectron()

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (electron && !headless) {
  const binding = electronSqliteBinding()
  run(electron, [root, ...args], binding ? { ...process.env, GRADIENT_LAB_SQLITE_BINDING: binding } : process.env)
} else {
  console.log(electron ? 'No display (neither DISPLAY nor WAYLAND_DISPLAY is set): the desktop window cannot open.' : `${ELECTRON_MISSING}.`)
  console.log('Starting the browser host instead: open the URL it prints in a browser.')
  run(process.execPath, ['--import', 'tsx', join(root, 'src', 'server', 'main.ts'), ...args])
}
