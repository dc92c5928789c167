// Electron main: a thin adapter. The services (run store, engine host, every LabApi channel) are
// the same Electron-free code the browser host and the CLI use; this file wires them to one
// hardened window, the menu, native dialogs and the engine utility process.
import { app, BrowserWindow, Menu, shell } from 'electron'
import { join } from 'node:path'
import { EngineHost } from '../services/engine-host/engine-host'
import { LabService } from '../services/lab-service'
import { readSamples } from '../services/mnist/samples'
import { defaultDbPath } from '../services/paths'
import { StoreOpenError } from '../services/store/open'
import { RunStore } from '../services/store/run-store'
import { showAbout, showNotice } from './dialogs'
import { exportAllRuns } from './export-all'
import { connectIpc, unavailable, type Service } from './ipc'
import { buildMenu } from './menu'
import { hardenSession, hardenWebContents } from './security'
import { utilitySpawner } from './spawner'
import { createMainWindow } from './window'

// userData and the database folder share the product name (defaultDbPath uses it too).
app.setName('Gradient Lab')

/** Packed MNIST and the icon: next to the app when packaged, <repo>/resources in development. */
const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')

let win: BrowserWindow | null = null

function main(): void {
  hardenWebContents()
  if (!app.requestSingleInstanceLock()) {
    // a second app on the same database would only confuse the first: hand over to it
    app.quit()
    return
  }
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore()
    win?.focus()
  })
  // One window: closing it ends the app, and with it every engine process (see 'closed' below).
  app.on('window-all-closed', () => app.quit())
  void app.whenReady().then(start)
}

interface Services {
  service: Service
  /** What the user must be told at start (a database moved aside, or no database at all). */
  warning: string | null
  /** Saves running runs as stopped and ends their engine processes. */
  close(): void
}

function openServices(dbPath: string): Services {
  const mnistDir = join(resources, 'mnist')
  let store: RunStore
  try {
    // `npm start` builds better-sqlite3 for Electron's ABI beside the Node build and names it here;
    // a packaged app's node_modules were rebuilt for Electron by electron-builder.
    store = new RunStore(dbPath, { nativeBinding: process.env.GRADIENT_LAB_SQLITE_BINDING || undefined })
  } catch (e) {
    // e.g. an unwritable folder, or better-sqlite3 built for Node rather than for Electron
    const message = (e as Error).message
    const hint = /NODE_MODULE_VERSION/.test(message)
      ? ' (better-sqlite3 was built for Node, not Electron: start the app with `npm start`, which builds it for Electron; see the README)'
      : ''
    // a StoreOpenError already names the file
    const problem = `Gradient Lab ${e instanceof StoreOpenError ? message : `could not open its run database at ${dbPath}: ${message}`}${hint}`
    // the window still opens, and every request answers with the reason instead of hanging
    return { service: unavailable(problem), warning: problem, close: () => undefined }
  }
  const service = new LabService({
    store,
    engine: new EngineHost(utilitySpawner(mnistDir)),
    mnistSamples: (count) => readSamples(count, mnistDir)
  })
  app.once('will-quit', () => store.close())
  return { service, warning: service.notice, close: () => service.close() }
}

function start(): void {
  hardenSession()
  const dbPath = defaultDbPath()
  const { service, warning, close } = openServices(dbPath)
  const window = createMainWindow(join(resources, 'icon.png'))
  win = window
  connectIpc(service, () => win)
  Menu.setApplicationMenu(
    buildMenu({
      exportRuns: () => void exportAllRuns(window, service),
      showDatabase: () => shell.showItemInFolder(dbPath),
      about: () => showAbout(window, dbPath)
    })
  )
  if (warning) window.webContents.once('did-finish-load', () => showNotice(window, warning))
  window.on('closed', () => {
    win = null
    // the engine processes serve this window only: runs still training are saved as stopped
    close()
  })
}

main()
