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
  // written with join, so that the expectations hold with either path separator
  const repo = join('/home', 'u', 'lab')

  it('finds everything in the repo when unpacked', () => {
    expect(resourcePaths({ packaged: false, mainDir: join(repo, 'out', 'main'), resourcesPath: '/usr/lib/electron/resources' })).toEqual({
      resources: join(repo, 'resources'),
      mnist: join(repo, 'resources', 'mnist'),
      icon: join(repo, 'resources', 'icon.png'),
      preload: join(repo, 'out', 'preload', 'index.js'),
      engine: join(repo, 'out', 'main', 'engine.js'),
      renderer: join(repo, 'out', 'renderer'),
      nativeBinding: undefined
    })
  })

  it('uses the Electron build of better-sqlite3 that `npm start` names when unpacked', () => {
    const binding = join(repo, '.electron-native', 'better-sqlite3-electron-45.5.0', 'build', 'Release', 'better_sqlite3.node')
    const paths = resourcePaths({ packaged: false, mainDir: join(repo, 'out', 'main'), resourcesPath: '/x', sqliteBinding: binding })
    expect(paths.nativeBinding).toBe(binding)
  })

  it('finds code in app.asar, data beside it and the native binding unpacked when packaged', () => {
    const r = join('/opt', 'Gradient Lab', 'resources')
    // the variable is for `npm start` only: a packaged app always takes its own rebuilt binding
    expect(resourcePaths({ packaged: true, mainDir: join(r, 'app.asar', 'out', 'main'), resourcesPath: r, sqliteBinding: '/elsewhere.node' })).toEqual({
      resources: r,
      mnist: join(r, 'mnist'),
      icon: join(r, 'icon.png'),
      preload: join(r, 'app.asar', 'out', 'preload', 'index.js'),
      engine: join(r, 'app.asar', 'out', 'main', 'engine.js'),
      renderer: join(r, 'app.asar', 'out', 'renderer'),
      nativeBinding: join(r, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
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
    for (const file of [paths.preload, paths.engine, join(paths.renderer, 'index.html')]) expect(inAsar).toContain(`/${relative(asar, file).replace(/\\/g, '/')}`)
    for (const file of [paths.nativeBinding!, paths.icon, paths.mnist]) expect(file).toSatisfy(existsSync)
  })
})
