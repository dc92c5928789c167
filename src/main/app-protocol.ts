// The renderer is served as app://gradient-lab/… from the built renderer folder (inside app.asar
// when packaged), not as file://: a file:// page may read any other file:// URL, while this origin
// holds only the renderer's own files, each with the desktop CSP as a header.
import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { cspHeader } from '../shared/csp'
import { staticFile } from '../services/static-files'

const SCHEME = 'app'
const APP_ORIGIN = `${SCHEME}://gradient-lab`
export const APP_INDEX = `${APP_ORIGIN}/index.html`

/** Before `app` is ready: a standard, secure origin, so the page gets web storage and module scripts; CSP is not bypassed. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }])
}

/** After `app` is ready: answers app:// requests with files from `rendererDir` and nothing else. */
export function serveAppScheme(rendererDir: string): void {
  const headers = { 'Content-Security-Policy': cspHeader({ kind: 'desktop' }), 'X-Content-Type-Options': 'nosniff' }
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.origin !== APP_ORIGIN) return new Response(null, { status: 404, headers })
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers })
    const found = staticFile(rendererDir, url.pathname)
    if (!found.ok) return new Response(null, { status: found.status, headers })
    try {
      const body = await readFile(found.file)
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Type': found.type } })
    } catch {
      return new Response(null, { status: 404, headers })
    }
  })
}
