// The one application window and the rule for recognising our own renderer (IPC sender checks).
import { app, BrowserWindow, type WebFrameMain } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** electron-vite sets this while `electron-vite dev` serves the renderer; never in a packaged app. */
function devServerUrl(): string | null {
  return !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null
}

const rendererFile = (): string => join(__dirname, '../renderer/index.html')

/** The URL our renderer is loaded from, without query or hash. */
function rendererUrl(): URL {
  return new URL(devServerUrl() ?? pathToFileURL(rendererFile()).href)
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
  // Windows drive letters may differ in case between the two spellings of one file URL
  const path = (u: URL): string => (process.platform === 'win32' ? u.pathname.toLowerCase() : u.pathname)
  return url.protocol === ours.protocol && url.host === ours.host && path(url) === path(ours)
}

export function createMainWindow(icon: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Gradient Lab',
    icon,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  const dev = devServerUrl()
  if (dev) void win.loadURL(dev)
  else void win.loadFile(rendererFile())
  return win
}
