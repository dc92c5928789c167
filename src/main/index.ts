// Electron main: a thin adapter. The services (run store, engine host, every LabApi channel) are
// the same Electron-free code the browser host and the CLI use; this file wires them to one
// hardened window, the menu, native dialogs and the engine utility process.
import { app, BrowserWindow, Menu, shell } from 'electron'
import { EngineHost } from '../services/engine-host/engine-host'
import { LabService } from '../services/lab-service'
import { readSamples, readTrainDigits } from '../services/mnist/samples'
import { defaultDbPath } from '../services/paths'
import { RunStore } from '../services/store/run-store'
import { registerAppScheme, serveAppScheme } from './app-protocol'
import { showAbout, showError, showNotice } from './dialogs'
import { exportAllRuns } from './export-all'
import { connectIpc, unavailable, type Service } from './ipc'
import { buildMenu } from './menu'
import { resourcePaths } from './resources'
import { storeProblem } from './store-problem'
import { hardenSession, hardenWebContents } from './security'
import { utilitySpawner } from './spawner'
import { createMainWindow } from './window'

// userData and the database folder share the product name (defaultDbPath uses it too).
app.setName('Gradient Lab')

const paths = resourcePaths({
  packaged: app.isPackaged,
  mainDir: __dirname,
  resourcesPath: process.resourcesPath,
  sqliteBinding: process.env.GRADIENT_LAB_SQLITE_BINDING
})

let win: BrowserWindow | null = null

function main(): void {
  registerAppScheme()
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
  /** What the user must be told at start: a database moved aside (a warning), or no database at all (an error). */
  notice: { message: string; severity: 'warning' | 'error' } | null
  /** Saves running runs as stopped and ends their engine processes. */
  close(): void
}

function openServices(dbPath: string): Services {
  let store: RunStore
  try {
    // unpacked, `npm start` builds better-sqlite3 for Electron's ABI beside the Node build and
    // names it; packaged, electron-builder rebuilt it for Electron and unpacked it beside app.asar
    store = new RunStore(dbPath, { nativeBinding: paths.nativeBinding })
  } catch (e) {
    // e.g. an unwritable folder, or a better-sqlite3 that does not load in Electron
    const problem = storeProblem(e, dbPath, { packaged: app.isPackaged, nativeBinding: paths.nativeBinding })
    console.error(`[gradient-lab] ${problem}`)
    // the window still opens, and every request answers with the reason instead of hanging
    return { service: unavailable(problem), notice: { message: problem, severity: 'error' }, close: () => undefined }
  }
  const service = new LabService({
    store,
    engine: new EngineHost(utilitySpawner(paths.mnist)),
    mnistSamples: (count) => readSamples(count, paths.mnist),
    mnistTrainDigits: (indices) => readTrainDigits(indices, paths.mnist)
  })
  app.once('will-quit', () => store.close())
  return { service, notice: service.notice ? { message: service.notice, severity: 'warning' } : null, close: () => service.close() }
}

function start(): void {
  hardenSession()
  serveAppScheme(paths.renderer)
  const dbPath = defaultDbPath()
  const { service, notice, close } = openServices(dbPath)
  const window = createMainWindow(paths)
  win = window
  connectIpc(service, () => win)
  Menu.setApplicationMenu(
    buildMenu({
      exportRuns: () => void exportAllRuns(window, service),
      showDatabase: () => shell.showItemInFolder(dbPath),
      about: () => showAbout(window, dbPath)
    })
  )
  if (notice) {
    const show = notice.severity === 'error' ? showError : showNotice
    window.webContents.once('did-finish-load', () => show(window, notice.message))
  }
  window.on('closed', () => {
    win = null
    // the engine processes serve this window only: runs still training are saved as stopped
    close()
  })
}

main()
