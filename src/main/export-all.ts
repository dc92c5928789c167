// File > Export All Runs as CSV…: every run in one long-format CSV with one header, built by
// the service (LabService.allRunsCsv): joining export:runsCsv chunks would mix headers, since
// configuration columns differ by kind.
import type { BrowserWindow } from 'electron'
import type { ExportFile } from '../shared/api'
import { saveFile, showError, showNotice } from './dialogs'
import type { Service } from './ipc'

interface ExportingService extends Service {
  allRunsCsv(): ExportFile
}

const canExportAll = (s: Service): s is ExportingService => typeof (s as Partial<ExportingService>).allRunsCsv === 'function'

export async function exportAllRuns(win: BrowserWindow, service: Service): Promise<void> {
  try {
    const list = await service.handle('runs:list', undefined)
    if (!list.ok) throw new Error(list.error.message)
    if ((list.value as unknown[]).length === 0) return showNotice(win, 'There are no runs to export yet.')
    if (!canExportAll(service)) throw new Error('the run library is not available')
    await saveFile(win, { ...service.allRunsCsv(), base64: false })
  } catch (e) {
    showError(win, `Export failed: ${(e as Error).message}`)
  }
}
