// Every file the desktop app needs at run time, found one way for both layouts:
//   unpacked  <repo>/out/main/index.js           resources in <repo>/resources
//   packaged  <resources>/app.asar/out/main/index.js   resources beside app.asar
// No Electron import, so both layouts can be checked by a unit test with the paths written out.
import { dirname, join } from 'node:path'

export interface Layout {
  /** app.isPackaged */
  packaged: boolean
  /** The folder of the main bundle (out/main): __dirname in the built main process. */
  mainDir: string
  /** process.resourcesPath: the folder holding app.asar in a packaged app. */
  resourcesPath: string
  /** GRADIENT_LAB_SQLITE_BINDING: the Electron build of better-sqlite3 that `npm start` makes for the unpacked app. */
  sqliteBinding?: string
}

export interface ResourcePaths {
  /** The data shipped beside the code: <repo>/resources, or the package's resources folder. */
  resources: string
  /** Folder of the packed MNIST (gzip IDX files). */
  mnist: string
  icon: string
  /** The sandboxed preload script. */
  preload: string
  /** Entry of the engine utility process. */
  engine: string
  /** Folder of the built renderer, served as app://. */
  renderer: string
  /** better-sqlite3's native binding, or undefined for its own lookup in node_modules. */
  nativeBinding: string | undefined
}

const SQLITE_BINDING = ['node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node']

export function resourcePaths(layout: Layout): ResourcePaths {
  const out = dirname(layout.mainDir)
  // the folder holding out/ and package.json: the repo, or app.asar
  const app = dirname(out)
  const resources = layout.packaged ? layout.resourcesPath : join(app, 'resources')
  return {
    resources,
    mnist: join(resources, 'mnist'),
    icon: join(resources, 'icon.png'),
    preload: join(out, 'preload', 'index.js'),
    engine: join(out, 'main', 'engine.js'),
    renderer: join(out, 'renderer'),
    // a native module cannot be loaded from inside an archive: electron-builder unpacks it beside
    // app.asar (asarUnpack), rebuilt for Electron's ABI
    nativeBinding: layout.packaged ? join(`${app}.unpacked`, ...SQLITE_BINDING) : layout.sqliteBinding || undefined
  }
}
