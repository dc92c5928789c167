// better-sqlite3 for Electron's ABI, built beside the Node build in node_modules (which the
// CLI, the browser host and the tests keep using). Electron's main process gets the path in
// GRADIENT_LAB_SQLITE_BINDING. Needs the network once (prebuilt binary, or headers to compile).
const { spawnSync } = require('node:child_process')
const { cpSync, existsSync, rmSync } = require('node:fs')
const { dirname, join } = require('node:path')

const root = join(__dirname, '..')

/** @returns {string | null} the .node file, or null when it could not be built */
function electronSqliteBinding() {
  const electronVersion = require('electron/package.json').version
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  const dir = join(root, '.electron-native', `better-sqlite3-electron-${electronVersion}`)
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return binding
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (first run)…`)
  rmSync(dir, { recursive: true, force: true })
  cpSync(source, dir, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) })
  const target = ['--runtime=electron', `--target=${electronVersion}`]
  const attempts = [
    [join(root, 'node_modules', '.bin', 'prebuild-install'), target],
    ['npx', ['--yes', 'node-gyp', 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers']]
  ]
  for (const [command, args] of attempts) {
    const result = spawnSync(command, args, { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' })
    if (result.status === 0 && existsSync(binding)) return binding
  }
  console.log('Could not build better-sqlite3 for Electron: the app will say so when it opens its database.')
  return null
}

module.exports = { electronSqliteBinding }
