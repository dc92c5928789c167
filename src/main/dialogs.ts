// Native dialogs: saving an exported file, About, and notices from the run store.
import { app, dialog, type BrowserWindow } from 'electron'
import { basename, extname, join } from 'node:path'
import type { Request, Responses } from '../shared/api'
import { writeFileAtomic } from '../services/atomic-file'

const FILTERS: Record<string, Electron.FileFilter> = {
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.glrun': { name: 'Gradient Lab run', extensions: ['glrun'] },
  '.png': { name: 'PNG image', extensions: ['png'] }
}

/** Asks where to save `file` and writes it there; `saved: false` when the user cancels. */
export async function saveFile(win: BrowserWindow, file: Request<'files:save'>): Promise<Responses['files:save']> {
  // the renderer names the file; only its base name is used as a suggestion, never as a path
  const name = basename(file.filename)
  const filter = FILTERS[extname(name).toLowerCase()]
  const { canceled, filePath } = await dialog.showSaveDialog(win, {
    defaultPath: join(app.getPath('documents'), name),
    filters: filter ? [filter, { name: 'All files', extensions: ['*'] }] : []
  })
  if (canceled || !filePath) return { saved: false }
  // whole or not at all: a full disk leaves no partial file
  writeFileAtomic(filePath, file.base64 ? Buffer.from(file.content, 'base64') : file.content)
  return { saved: true, path: filePath }
}

export function showAbout(win: BrowserWindow, dbPath: string): void {
  void dialog.showMessageBox(win, {
    type: 'info',
    title: 'About Gradient Lab',
    message: `Gradient Lab ${app.getVersion()}`,
    detail:
      'Watch a neural network learn: the gradient lessons of "Deep Learning from Scratch", chapter 4.\n\n' +
      `Runs are kept in ${dbPath}\n` +
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`
  })
}

export function showNotice(win: BrowserWindow, message: string): void {
  void dialog.showMessageBox(win, { type: 'warning', title: 'Gradient Lab', message })
}

export function showError(win: BrowserWindow, message: string): void {
  void dialog.showMessageBox(win, { type: 'error', title: 'Gradient Lab', message })
}
