// Serves the built renderer (out/renderer) with the browser host's CSP: as a header on every
// response, and in the page's <meta> in place of the desktop policy the build put there, both
// allowing exactly this host's WebSocket.
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { cspHeader, cspMeta, withCspMeta, type CspHost } from '../shared/csp'
import { staticFile } from '../services/static-files'

export function staticHandler(root: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // the port the request came in on is the port the page's WebSocket will use
    const host: CspHost = { kind: 'browser', port: req.socket.localPort ?? 0 }
    const headers = { 'Content-Security-Policy': cspHeader(host), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end()
      return
    }
    let pathname: string
    try {
      pathname = new URL(req.url ?? '/', 'http://x').pathname
    } catch {
      res.writeHead(400, headers).end()
      return
    }
    const found = staticFile(root, pathname)
    if (!found.ok) {
      res.writeHead(found.status, headers).end()
      return
    }
    let body: Buffer | string
    try {
      body = await readFile(found.file)
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
      return
    }
    try {
      if (found.page) body = withCspMeta(body.toString('utf8'), cspMeta(host))
    } catch (e) {
      // a page the build did not give a CSP <meta> is not served
      res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end((e as Error).message)
      return
    }
    res.writeHead(200, { ...headers, 'Content-Type': found.type })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
