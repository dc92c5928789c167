// Hands an exported file to the user: the Save dialog in Electron, a download in the browser host.
import type { ExportFile, LabApi } from '../../../shared/api'
import { lt } from './strings'

/** Returns false when the user cancelled the Save dialog. */
export async function deliver(api: LabApi, file: ExportFile): Promise<boolean> {
  if (api.host === 'electron') {
    const { saved } = await api.invoke('files:save', {
      filename: file.filename,
      mime: file.mime,
      content: file.content,
      base64: file.base64 ?? false
    })
    return saved
  }
  const body = file.base64 ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content
  download(new Blob([body], { type: file.mime }), file.filename)
  return true
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A chart canvas as a PNG file, painted on white (chart.js leaves the background transparent). */
export async function canvasPng(canvas: HTMLCanvasElement, filename: string): Promise<ExportFile> {
  const out = document.createElement('canvas')
  out.width = canvas.width
  out.height = canvas.height
  const ctx = out.getContext('2d')
  if (!ctx) throw new Error(lt('noCanvas'))
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, out.width, out.height)
  ctx.drawImage(canvas, 0, 0)
  const blob = await new Promise<Blob>((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error(lt('pngFailed')))), 'image/png')
  )
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { filename, mime: 'image/png', content: btoa(binary), base64: true }
}
