// The one rule both hosts serve the renderer by: which file a request path names, never one
// outside the folder.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { staticFile } from '../../src/services/static-files'

const ROOT = join('/srv', 'renderer')

describe('staticFile', () => {
  it('names index.html for / and files under the folder with their type', () => {
    expect(staticFile(ROOT, '/')).toEqual({ ok: true, file: join(ROOT, 'index.html'), type: 'text/html; charset=utf-8', page: true })
    expect(staticFile(ROOT, '/assets/index-x.js')).toEqual({ ok: true, file: join(ROOT, 'assets', 'index-x.js'), type: 'text/javascript; charset=utf-8', page: false })
    expect(staticFile(ROOT, '/assets/KaTeX%20Main.woff2')).toMatchObject({ file: join(ROOT, 'assets', 'KaTeX Main.woff2'), type: 'font/woff2' })
    expect(staticFile(ROOT, '/x.bin')).toMatchObject({ type: 'application/octet-stream' })
  })

  it('refuses a path that climbs out of the folder, even percent-encoded', () => {
    expect(staticFile(ROOT, '/..%2fsecret.txt')).toEqual({ ok: false, status: 403 })
    expect(staticFile(ROOT, '/assets/..%2F..%2F..%2Fetc%2Fpasswd')).toEqual({ ok: false, status: 403 })
    expect(staticFile(ROOT, '/%2e%2e/renderer-other/x.js')).toEqual({ ok: false, status: 403 })
  })

  it('refuses a path that does not decode', () => {
    expect(staticFile(ROOT, '/%E0%A4%A')).toEqual({ ok: false, status: 400 })
  })

  it('serves from inside an archive path as from a folder', () => {
    const asar = join('/opt', 'Gradient Lab', 'resources', 'app.asar', 'out', 'renderer')
    expect(staticFile(asar, '/index.html')).toMatchObject({ ok: true, file: join(asar, 'index.html') })
  })
})
