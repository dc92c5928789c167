// The desktop app's files in both layouts, with the expected paths written out; where a build
// (out/) or a package (dist/linux-unpacked, from `npm run package:check`) exists, the paths are
// also checked against it.
import { listPackage } from '@electron/asar'
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resourcePaths } from '../../src/main/resources'

const ROOT = join(__dirname, '..', '..')

describe('resourcePaths', () => {
  it('finds everything in the repo when unpacked', () => {
    expect(resourcePaths({ packaged: false, mainDir: '/home/u/lab/out/main', resourcesPath: '/usr/lib/electron/resources' })).toEqual({
      resources: '/home/u/lab/resources',
      mnist: '/home/u/lab/resources/mnist',
      icon: '/home/u/lab/resources/icon.png',
      preload: '/home/u/lab/out/preload/index.js',
      engine: '/home/u/lab/out/main/engine.js',
      renderer: '/home/u/lab/out/renderer',
      nativeBinding: undefined
    })
  })

  it('uses the Electron build of better-sqlite3 that `npm start` names when unpacked', () => {
    const binding = '/home/u/lab/.electron-native/better-sqlite3-electron-45.5.0/build/Release/better_sqlite3.node'
    const paths = resourcePaths({ packaged: false, mainDir: '/home/u/lab/out/main', resourcesPath: '/x', sqliteBinding: binding })
    expect(paths.nativeBinding).toBe(binding)
  })

  it('finds code in app.asar, data beside it and the native binding unpacked when packaged', () => {
    const r = '/opt/Gradient Lab/resources'
    // the variable is for `npm start` only: a packaged app always takes its own rebuilt binding
    expect(resourcePaths({ packaged: true, mainDir: `${r}/app.asar/out/main`, resourcesPath: r, sqliteBinding: '/elsewhere.node' })).toEqual({
      resources: r,
      mnist: `${r}/mnist`,
      icon: `${r}/icon.png`,
      preload: `${r}/app.asar/out/preload/index.js`,
      engine: `${r}/app.asar/out/main/engine.js`,
      renderer: `${r}/app.asar/out/renderer`,
      nativeBinding: `${r}/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node`
    })
  })

  const built = existsSync(join(ROOT, 'out', 'main', 'index.js'))
  it.skipIf(!built)('points at files the build made (skipped where nothing is built)', () => {
    const paths = resourcePaths({ packaged: false, mainDir: join(ROOT, 'out', 'main'), resourcesPath: '/nowhere' })
    for (const file of [paths.preload, paths.engine, join(paths.renderer, 'index.html'), paths.icon, paths.mnist]) expect(file).toSatisfy(existsSync)
  })

  const resources = join(ROOT, 'dist', 'linux-unpacked', 'resources')
  const asar = join(resources, 'app.asar')
  it.skipIf(!existsSync(asar))('points at files the package holds (skipped where `npm run package:check` has not run)', () => {
    const paths = resourcePaths({ packaged: true, mainDir: join(asar, 'out', 'main'), resourcesPath: resources })
    const inAsar = new Set(listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/')))
    for (const file of [paths.preload, paths.engine, join(paths.renderer, 'index.html')]) expect(inAsar).toContain(`/${relative(asar, file)}`)
    for (const file of [paths.nativeBinding!, paths.icon, paths.mnist]) expect(file).toSatisfy(existsSync)
  })
})
