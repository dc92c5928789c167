// Which file of the built renderer folder a request path names, and its type: the one rule both
// hosts serve by (the browser host over HTTP, the desktop app as app://). Nothing outside the
// folder is ever named.
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

export type StaticFile = { ok: true; file: string; type: string; page: boolean } | { ok: false; status: 400 | 403 }

/** The file under `root` that the URL path `pathname` (still percent-encoded) names; `/` is index.html. */
export function staticFile(root: string, pathname: string): StaticFile {
  let path: string
  try {
    path = decodeURIComponent(pathname)
  } catch {
    return { ok: false, status: 400 }
  }
  const base = normalize(root)
  const file = normalize(join(base, path === '/' ? 'index.html' : path))
  // an encoded slash ("..%2f") survives URL normalisation and would climb out of the folder
  if (file !== base && !file.startsWith(base + sep)) return { ok: false, status: 403 }
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  return { ok: true, file, type, page: extname(file) === '.html' }
}
