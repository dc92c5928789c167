// The package checker on small real archives made here with @electron/asar (the same format
// electron-builder writes), and on the package `npm run package:check` made, where it exists.
import { createPackageWithOptions } from '@electron/asar'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFuses, verifyPackage } from '../../scripts/package-verify.mjs'
import { packedMnistDir } from '../services/packed-mnist'

const ROOT = join(__dirname, '..', '..')
const PACKED_MNIST = packedMnistDir()
const MNIST = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']

/** What a complete app.asar holds, file by file (contents only as far as the checker reads them). */
const COMPLETE: Record<string, string> = {
  'package.json': '{"name":"gradient-lab","main":"out/main/index.js"}',
  'out/main/index.js': 'const child = electron.utilityProcess.fork(join(__dirname, "engine.js"), [], { serviceName })',
  'out/main/engine.js': 'process.parentPort.on("message", () => {})',
  'out/preload/index.js': 'contextBridge.exposeInMainWorld("lab", {})',
  'out/renderer/index.html': '<!doctype html><title>Gradient Lab</title>',
  'node_modules/better-sqlite3/package.json': '{"name":"better-sqlite3"}',
  'node_modules/better-sqlite3/lib/index.js': 'module.exports = require("./database")',
  'node_modules/better-sqlite3/build/Release/better_sqlite3.node': 'ELF',
  'node_modules/ws/package.json': '{"name":"ws"}'
}

const temps: string[] = []
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** A packaged app folder: resources/app.asar (+ .unpacked), mnist and icon; `change` edits the app's files first. */
async function packaged(change: (files: Record<string, string>) => void = () => {}, unpack = '*.node'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'package-verify-'))
  temps.push(dir)
  const files = { ...COMPLETE }
  change(files)
  const app = join(dir, 'app')
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(app, path)), { recursive: true })
    writeFileSync(join(app, path), content)
  }
  const resources = join(dir, 'linux-unpacked', 'resources')
  mkdirSync(join(resources, 'mnist'), { recursive: true })
  await createPackageWithOptions(app, join(resources, 'app.asar'), { unpack })
  for (const name of MNIST) copyFileSync(join(PACKED_MNIST, `${name}.gz`), join(resources, 'mnist', `${name}.gz`))
  copyFileSync(join(ROOT, 'resources', 'icon.png'), join(resources, 'icon.png'))
  return join(dir, 'linux-unpacked')
}

describe('verifyPackage', () => {
  it('passes a complete package and measures it', async () => {
    const { problems, sizes } = verifyPackage(await packaged())
    expect(problems).toEqual([])
    expect(sizes['app.asar']).toBeGreaterThan(0)
    expect(sizes['app.asar.unpacked']).toBe(3)
    expect(sizes['resources/mnist']).toBeGreaterThan(10e6)
  })

  it('names each required file that is missing', async () => {
    const dir = await packaged((f) => {
      delete f['out/preload/index.js']
      delete f['node_modules/ws/package.json']
    })
    expect(verifyPackage(dir).problems).toEqual(['app.asar/out/preload/index.js is missing', 'app.asar/node_modules/ws/package.json is missing'])
  })

  it('names each build-only file that slipped in, and why', async () => {
    const dir = await packaged((f) => {
      f['node_modules/better-sqlite3/src/better_sqlite3.cpp'] = '// C++'
      f['node_modules/better-sqlite3/deps/sqlite3/sqlite3.c'] = '/* C */'
      f['node_modules/better-sqlite3/build/Release/obj.target/x.o'] = ''
      f['out/main/index.js.map'] = '{}'
      f['node_modules/vitest/package.json'] = '{"name":"vitest"}'
      f['node_modules/ws/test/websocket.test.js'] = ''
      f['out/main/lab-service.ts'] = ''
    })
    expect(verifyPackage(dir).problems.sort()).toEqual(
      [
        'app.asar/node_modules/better-sqlite3/src/better_sqlite3.cpp does not belong in the package (C/C++ source or build file)',
        'app.asar/node_modules/better-sqlite3/deps/sqlite3/sqlite3.c does not belong in the package (C/C++ source or build file)',
        'app.asar/node_modules/better-sqlite3/build/Release/obj.target/x.o does not belong in the package (C/C++ source or build file)',
        'app.asar/out/main/index.js.map does not belong in the package (source map)',
        'app.asar/node_modules/vitest/package.json does not belong in the package (devDependency vitest)',
        'app.asar/node_modules/ws/test/websocket.test.js does not belong in the package (test)',
        'app.asar/out/main/lab-service.ts does not belong in the package (TypeScript source)'
      ].sort()
    )
  })

  it('names a native module left inside the archive', async () => {
    const dir = await packaged(undefined, '*.nothing')
    expect(verifyPackage(dir).problems).toEqual([
      'app.asar/node_modules/better-sqlite3/build/Release/better_sqlite3.node is a native module inside the archive: it must be unpacked (asarUnpack)',
      'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node is missing'
    ])
  })

  it('names a main bundle that would need the RunAsNode fuse', async () => {
    const dir = await packaged((f) => {
      f['out/main/index.js'] = 'require("child_process").fork(engine, [], { env: { ELECTRON_RUN_AS_NODE: "1" } })'
    })
    expect(verifyPackage(dir).problems).toEqual([
      'app.asar/out/main/index.js uses ELECTRON_RUN_AS_NODE, which the RunAsNode fuse disables',
      'app.asar/out/main/index.js uses child_process: the engine must start with utilityProcess.fork',
      'app.asar/out/main: no utilityProcess.fork found, so nothing starts the engine process'
    ])
  })

  it('names MNIST files that are damaged, missing or shipped raw', async () => {
    const dir = await packaged()
    const mnist = join(dir, 'resources', 'mnist')
    writeFileSync(join(mnist, 't10k-labels-idx1-ubyte.gz'), gzipSync(Buffer.from('not MNIST')))
    writeFileSync(join(mnist, 'train-labels-idx1-ubyte.gz'), 'not gzip')
    rmSync(join(mnist, 't10k-images-idx3-ubyte.gz'))
    writeFileSync(join(mnist, 't10k-images-idx3-ubyte'), '')
    const problems = verifyPackage(dir).problems
    expect(problems).toHaveLength(4)
    expect(problems[0]).toMatch(/^resources\/mnist\/train-labels-idx1-ubyte\.gz does not decompress: /)
    expect(problems.slice(1)).toEqual([
      'resources/mnist/t10k-images-idx3-ubyte.gz is missing',
      // sha256 of the nine bytes "not MNIST" (coreutils sha256sum), and of the official t10k labels
      'resources/mnist/t10k-labels-idx1-ubyte.gz decompresses to sha256 a7ea9da4c5907a887c3f4208653c984fd3b9ff5fa3d09fb24a1978de93c666ac, expected ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
      'resources/mnist/t10k-images-idx3-ubyte should not be shipped (MNIST ships gzipped)'
    ])
  })

  it('names a folder where nothing was packaged', () => {
    const dir = join(tmpdir(), 'no-such-app')
    expect(verifyPackage(dir).problems).toEqual([`${join(dir, 'resources', 'app.asar')} is missing: nothing was packaged`])
  })

  const real = join(ROOT, 'dist', 'linux-unpacked')
  it.skipIf(!existsSync(join(real, 'resources', 'app.asar')))('passes the package `npm run package:check` made (skipped where it has not run)', () => {
    expect(verifyPackage(real).problems).toEqual([])
  })
})

describe('checkFuses', () => {
  // Electron's fuse wire: a sentinel, the wire version (1), its length, then one byte per fuse
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
  function binary(): string {
    const dir = mkdtempSync(join(tmpdir(), 'fuses-'))
    temps.push(dir)
    const path = join(dir, 'gradient-lab')
    // as Electron ships: every fuse in this list on ('1')
    writeFileSync(path, Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('11111111'), Buffer.from('…')]))
    return path
  }

  it('names every fuse an unflipped binary has wrong', async () => {
    const path = binary()
    expect(await checkFuses(path)).toEqual([
      `${path}: fuse RunAsNode is on, expected off`,
      `${path}: fuse EnableNodeOptionsEnvironmentVariable is on, expected off`,
      `${path}: fuse EnableNodeCliInspectArguments is on, expected off`,
      `${path}: fuse GrantFileProtocolExtraPrivileges is on, expected off`
    ])
  })

  it('passes a binary flipped as electron-builder.yml says, by @electron/fuses as electron-builder does', async () => {
    const path = binary()
    const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses')
    // electron-builder.yml's own list (runAsNode -> FuseV1Options.RunAsNode), not a copy of it
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
    const block = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(yml)![1]
    const electronFuses = Object.fromEntries([...block.matchAll(/(\w+): (true|false)/g)].map(([, key, on]) => [key, on === 'true']))
    const options = Object.entries(electronFuses).map(([key, on]) => [FuseV1Options[(key[0].toUpperCase() + key.slice(1)) as keyof typeof FuseV1Options], on])
    expect(options.every(([fuse]) => fuse !== undefined)).toBe(true)
    await flipFuses(path, { version: FuseVersion.V1, ...Object.fromEntries(options) })
    expect(await checkFuses(path)).toEqual([])
    expect(electronFuses.grantFileProtocolExtraPrivileges).toBe(false)
  })

  it('names a stand-in without a fuse wire', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuses-'))
    temps.push(dir)
    writeFileSync(join(dir, 'electron'), '#!/bin/sh\nexit 1\n')
    expect((await checkFuses(join(dir, 'electron')))[0]).toMatch(/electron: no fuse wire \(Could not find sentinel/)
  })
})
