// The one application window and the rule for recognising our own renderer (IPC sender checks).
import { app, BrowserWindow, type WebFrameMain } from 'electron'
import { APP_INDEX } from './app-protocol'

/** electron-vite sets this while `electron-vite dev` serves the renderer; never in a packaged app. */
function devServerUrl(): string | null {
  return !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null
}

/** The URL our renderer is loaded from, without query or hash. */
function rendererUrl(): URL {
  return new URL(devServerUrl() ?? APP_INDEX)
}

/** True when `frame` is the top frame of `win` showing our renderer (not some page it navigated to). */
export function isOurRenderer(win: BrowserWindow | null, frame: WebFrameMain | null): boolean {
  if (!win || win.isDestroyed() || !frame) return false
  const top = win.webContents.mainFrame
  if (frame.processId !== top.processId || frame.routingId !== top.routingId) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  const ours = rendererUrl()
  return url.protocol === ours.protocol && url.host === ours.host && url.pathname === ours.pathname
}

export function createMainWindow(paths: { icon: string; preload: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Gradient Lab',
    icon: paths.icon,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // the developer tools would let anyone at the keyboard call window.lab by hand: development only
      devTools: !app.isPackaged
    }
  })
  win.once('ready-to-show', () => win.show())
  const dev = devServerUrl()
  void win.loadURL(dev ?? APP_INDEX)
  return win
}
