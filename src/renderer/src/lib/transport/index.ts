// The renderer's one way to the host: Electron's preload when present, else the browser host's WebSocket.
import type { LabApi } from '../../../../shared/api'
import { connection } from './connection.svelte'
import { electronApi, type PreloadLab } from './electron'
import { websocketApi } from './websocket'

export { connection } from './connection.svelte'

export function getApi(): LabApi {
  const lab = (window as unknown as { lab?: PreloadLab }).lab
  if (lab) {
    connection.state = 'open'
    return electronApi(lab)
  }
  const token = new URLSearchParams(location.search).get('token') ?? ''
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return websocketApi(`${scheme}://${location.host}/api?token=${encodeURIComponent(token)}`)
}
