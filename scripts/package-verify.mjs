// What `npm run package:check` verifies in a packaged app folder (dist/linux-unpacked): every file
// the app runs from is there, nothing only needed to build it slipped in, the native binding is
// unpacked, the MNIST resources decompress to the official files, and the main bundle starts the
// engine as a utility process (so the RunAsNode fuse can stay off). Each problem names the file.
import { extractFile, listPackage, statFile } from '@electron/asar'
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const MNIST = Object.values(JSON.parse(readFileSync(join(root, 'src', 'services', 'mnist', 'files.json'), 'utf8')))

/** Files the app cannot start or run without, as paths inside app.asar. */
const REQUIRED = [
  '/package.json',
  '/out/main/index.js',
  '/out/main/engine.js',
  '/out/preload/index.js',
  '/out/renderer/index.html',
  ...Object.keys(pkg.dependencies).map((dep) => `/node_modules/${dep}/package.json`)
]

/** The binding better-sqlite3 loads, unpacked beside app.asar. */
const SQLITE_BINDING = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'

/** Why a path inside app.asar does not belong in the package, or null when it does. */
function buildOnly(path) {
  const devDependency = Object.keys(pkg.devDependencies).find((dep) => path.startsWith(`/node_modules/${dep}/`))
  if (devDependency) return `devDependency ${devDependency}`
  if (/\.map$/.test(path)) return 'source map'
  if (/\.(c|cc|cpp|cxx|h|hh|hpp|gyp|gypi|o|obj|a|lib|mk)$/.test(path) || /\/better-sqlite3\/(src|deps)\//.test(path)) return 'C/C++ source or build file'
  if (/\.(ts|mts|cts)$/.test(path)) return 'TypeScript source'
  if (/\/(test|tests|__tests__)\//.test(path) || /\/test(-[\w-]+)?\.js$|\.(test|spec)\.[cm]?js$|\/\.nycrc$/.test(path)) return 'test'
  if (/\/better-sqlite3\/build\/(?!Release\/better_sqlite3\.node$)/.test(path)) return 'native build intermediate'
  return null
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

function sizeOf(path) {
  const s = statSync(path)
  if (!s.isDirectory()) return s.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

/**
 * Checks the packaged app in `appDir` (the folder holding `resources/`).
 * @returns {{ problems: string[], sizes: Record<string, number> }}
 */
export function verifyPackage(appDir) {
  const resources = join(appDir, 'resources')
  const asar = join(resources, 'app.asar')
  const unpacked = join(resources, 'app.asar.unpacked')
  if (!existsSync(asar)) return { problems: [`${asar} is missing: nothing was packaged`], sizes: {} }
  const problems = []
  // files only: the listing has every folder too
  const files = listPackage(asar, { isPack: false })
    .map((f) => f.replace(/\\/g, '/'))
    .filter((f) => !('files' in statFile(asar, f.slice(1), false)))
  const listed = new Set(files)

  for (const file of REQUIRED) if (!listed.has(file)) problems.push(`app.asar${file} is missing`)
  for (const file of files) {
    const why = buildOnly(file)
    if (why) problems.push(`app.asar${file} does not belong in the package (${why})`)
    if (file.endsWith('.node') && !statFile(asar, file.slice(1), false).unpacked) {
      problems.push(`app.asar${file} is a native module inside the archive: it must be unpacked (asarUnpack)`)
    }
  }
  if (!existsSync(join(unpacked, SQLITE_BINDING))) problems.push(`app.asar.unpacked/${SQLITE_BINDING} is missing`)

  // The engine runs in a utility process: with the RunAsNode fuse off, a child_process fork of
  // the Electron binary (or ELECTRON_RUN_AS_NODE) would not start it.
  const mainBundle = files.filter((f) => f.startsWith('/out/main/') && f.endsWith('.js'))
  let utilityFork = false
  for (const file of mainBundle) {
    if (statFile(asar, file.slice(1), false).unpacked) continue
    const code = extractFile(asar, file.slice(1)).toString('utf8')
    if (code.includes('ELECTRON_RUN_AS_NODE')) problems.push(`app.asar${file} uses ELECTRON_RUN_AS_NODE, which the RunAsNode fuse disables`)
    if (/\bchild_process\b/.test(code)) problems.push(`app.asar${file} uses child_process: the engine must start with utilityProcess.fork`)
    utilityFork ||= /utilityProcess\.fork\(/.test(code)
  }
  if (mainBundle.length > 0 && !utilityFork) problems.push('app.asar/out/main: no utilityProcess.fork found, so nothing starts the engine process')

  const mnistDir = join(resources, 'mnist')
  for (const { name, sha256: expected } of MNIST) {
    const path = join(mnistDir, `${name}.gz`)
    if (!existsSync(path)) {
      problems.push(`resources/mnist/${name}.gz is missing`)
      continue
    }
    let found
    try {
      found = sha256(gunzipSync(readFileSync(path)))
    } catch (e) {
      problems.push(`resources/mnist/${name}.gz does not decompress: ${e.message}`)
      continue
    }
    if (found !== expected) problems.push(`resources/mnist/${name}.gz decompresses to sha256 ${found}, expected ${expected}`)
  }
  if (existsSync(mnistDir)) {
    for (const name of readdirSync(mnistDir)) if (!name.endsWith('.gz')) problems.push(`resources/mnist/${name} should not be shipped (MNIST ships gzipped)`)
  }
  if (!existsSync(join(resources, 'icon.png'))) problems.push('resources/icon.png is missing')

  const sizes = {
    'resources (everything but the Electron runtime)': sizeOf(resources),
    'app.asar': statSync(asar).size,
    'app.asar.unpacked': existsSync(unpacked) ? sizeOf(unpacked) : 0,
    'resources/mnist': existsSync(mnistDir) ? sizeOf(mnistDir) : 0
  }
  return { problems, sizes }
}

/** The fuses a packaged binary must carry (electron-builder.yml flips them), true for on. */
const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false
}

// a fuse is one byte in the binary's fuse wire: '1' on, '0' off, 'r' removed
const WIRE = { 0x30: 'off', 0x31: 'on', 0x72: 'removed' }

/** The fuses of the Electron binary at `binary` that are not as FUSES says, one line each. */
export async function checkFuses(binary) {
  let wire
  try {
    wire = await getCurrentFuseWire(binary)
  } catch (e) {
    return [`${binary}: no fuse wire (${e.message})`]
  }
  return Object.entries(FUSES)
    .filter(([name, on]) => wire[FuseV1Options[name]] !== (on ? 0x31 : 0x30))
    .map(([name, on]) => `${binary}: fuse ${name} is ${WIRE[wire[FuseV1Options[name]]] ?? 'absent'}, expected ${on ? 'on' : 'off'}`)
}
