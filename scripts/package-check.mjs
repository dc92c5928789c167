// `npm run package:check`: packages the Linux `dir` target offline into dist/linux-unpacked and
// verifies it (scripts/package-verify.mjs). It uses the real Electron binary when it is installed,
// otherwise a stand-in distribution (an executable `electron`, LICENSE and version) that is enough
// to lay out the package. The fuses are flipped only in a real binary: a stand-in has no fuse wire,
// and the output says so. better-sqlite3 is not rebuilt (that needs Electron's headers from the
// network); `npm run package` on a release machine rebuilds it for Electron's ABI.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkFuses, verifyPackage } from './package-verify.mjs'

const require = createRequire(import.meta.url)
const root = fileURLToPath(new URL('..', import.meta.url))
const { electronBinary } = require('./electron-binary.cjs')
const electronVersion = require('electron/package.json').version
const appDir = join(root, 'dist', 'linux-unpacked')

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`

/** A directory electron-builder accepts as an Electron distribution, without Electron in it. */
function standIn() {
  const dir = join(root, 'node_modules', '.cache', 'gradient-lab', `electron-standin-${electronVersion}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "Stand-in for the Electron binary (npm run package:check): it cannot run the app." >&2\nexit 1\n')
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for Electron\'s LICENSE: the real distribution brings its own.\n')
  writeFileSync(join(dir, 'version'), electronVersion)
  return dir
}

const real = process.platform === 'linux' ? electronBinary() : null
const electronDist = real ? dirname(real) : standIn()
console.log(`package:check: packaging the Linux dir target offline with ${real ? `the Electron ${electronVersion} binary at ${electronDist}` : `a stand-in Electron ${electronVersion} distribution (the binary is not installed here)`}`)

const { build, Platform } = require('electron-builder')
await build({
  projectDir: root,
  targets: Platform.LINUX.createTarget('dir'),
  publish: 'never',
  config: {
    electronDist,
    npmRebuild: false,
    // null removes the fuses from the configuration: a stand-in has no fuse wire to flip
    ...(real ? {} : { electronFuses: null })
  }
})

const { problems, sizes } = verifyPackage(appDir)
if (real) problems.push(...(await checkFuses(join(appDir, 'gradient-lab'))))
else console.log('package:check: fuses NOT applied or checked: the stand-in has no fuse wire (a release build with the real binary flips them)')
for (const [what, bytes] of Object.entries(sizes)) console.log(`package:check: ${what}: ${mb(bytes)}`)
if (problems.length > 0) {
  console.error(`package:check: ${appDir} is not a complete package:`)
  for (const p of problems) console.error(`  - ${p}`)
  process.exit(1)
}
console.log(`package:check: ${appDir} is complete`)
