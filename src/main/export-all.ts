// File > Export All Runs as CSV…: every run in one long-format CSV, through the same service
// channels the runs library uses. export:runsCsv takes at most 100 runs a request, so the
// runs go in chunks and the chunks' header rows after the first are dropped.
import type { BrowserWindow } from 'electron'
import type { Channel, Envelope, Request, Responses } from '../shared/api'
import { saveFile, showError, showNotice } from './dialogs'
import type { Service } from './ipc'

const CHUNK = 100

async function call<C extends Channel>(service: Service, channel: C, request: Request<C>): Promise<Responses[C]> {
  const answer = (await service.handle(channel, request)) as Envelope<Responses[C]>
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value
}

const withoutHeader = (csv: string): string => csv.slice(csv.indexOf('\r\n') + 2)

export async function exportAllRuns(win: BrowserWindow, service: Service): Promise<void> {
  try {
    const ids = (await call(service, 'runs:list', undefined)).map((r) => r.id)
    if (ids.length === 0) return showNotice(win, 'There are no runs to export yet.')
    const parts: string[] = []
    for (let i = 0; i < ids.length; i += CHUNK) {
      const file = await call(service, 'export:runsCsv', { runIds: ids.slice(i, i + CHUNK) })
      const rows = i === 0 ? file.content : withoutHeader(file.content)
      parts.push(rows.endsWith('\r\n') ? rows : rows + '\r\n')
    }
    await saveFile(win, { filename: 'gradient-lab-runs.csv', mime: 'text/csv', content: parts.join(''), base64: false })
  } catch (e) {
    showError(win, `Export failed: ${(e as Error).message}`)
  }
}
