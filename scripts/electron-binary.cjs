// Where the Electron executable is, or null when it is not installed. Since Electron 42 `npm ci`
// does not download the binary; `require('electron')` would try to on first use (and hang or
// fail without internet), so this reads the same files the electron package reads, without
// side effects, and downloading is a separate, explicit step (tryInstallElectron).
const { spawnSync } = require('node:child_process')
const { existsSync, readFileSync } = require('node:fs')
const { dirname, join } = require('node:path')

function packageDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** @returns {string | null} */
function electronBinary() {
  const pkgDir = packageDir()
  if (!pkgDir) return null
  const pathFile = join(pkgDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf-8').trim() : ''
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (!relative && !override) return null
  const binary = join(override || join(pkgDir, 'dist'), relative || 'electron')
  return existsSync(binary) ? binary : null
}

/**
 * Downloads the binary with the electron package's own installer when it is missing.
 * Without internet this fails within a second; the caller then reports ELECTRON_MISSING.
 * @returns {string | null}
 */
function tryInstallElectron() {
  const pkgDir = packageDir()
  if (electronBinary() || !pkgDir) return electronBinary()
  console.log('Downloading the Electron binary (first run)…')
  const result = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'pipe', timeout: 600_000 })
  if (result.status !== 0) {
    const lines = String(result.stderr).trim().split('\n')
    console.log(`Electron download failed: ${lines.find((l) => /error/i.test(l)) ?? lines[0] ?? 'no output'}`)
  }
  return electronBinary()
}

const ELECTRON_MISSING = 'Electron binary not installed on this machine (no download possible)'
const ELECTRON_SKIPPED = `${ELECTRON_MISSING}: Electron project skipped`

module.exports = { electronBinary, tryInstallElectron, ELECTRON_MISSING, ELECTRON_SKIPPED }
