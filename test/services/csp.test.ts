// The Content-Security-Policy per host, written out here rather than imported, so that a change to
// the policy must be a deliberate change to these lines too. The renderer's <meta> gets the desktop
// policy at build time; the browser host swaps in its own when it serves the page.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cspHeader, cspMeta, injectCsp, withCspMeta } from '../../src/shared/csp'

const ROOT = join(__dirname, '..', '..')
const COMMON_HEAD = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
const COMMON_TAIL = "; object-src 'none'; base-uri 'none'; form-action 'none'"
const DESKTOP = `${COMMON_HEAD}connect-src 'self'${COMMON_TAIL}`
const BROWSER_41234 = `${COMMON_HEAD}connect-src 'self' ws://127.0.0.1:41234 ws://localhost:41234${COMMON_TAIL}`

const metaCsp = (html: string): string | undefined =>
  /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1]

describe('the policy per host', () => {
  it('gives the desktop app no WebSocket at all', () => {
    expect(cspMeta({ kind: 'desktop' })).toBe(DESKTOP)
    expect(cspHeader({ kind: 'desktop' })).toBe(`${DESKTOP}; frame-ancestors 'none'`)
  })

  it('gives the browser host exactly its own port, in both loopback spellings', () => {
    expect(cspMeta({ kind: 'browser', port: 41234 })).toBe(BROWSER_41234)
    expect(cspHeader({ kind: 'browser', port: 41234 })).toBe(`${BROWSER_41234}; frame-ancestors 'none'`)
  })

  it('allows no inline script, no <style> element and no wildcard anywhere', () => {
    for (const policy of [cspHeader({ kind: 'desktop' }), cspHeader({ kind: 'browser', port: 8080 })]) {
      expect(policy).not.toMatch(/\*|unsafe-eval|script-src[^;]*unsafe-inline|style-src [^;]*unsafe-inline/)
    }
  })
})

describe('renderer CSP meta', () => {
  it('the source page gets the desktop policy from the build transform', () => {
    const source = readFileSync(join(ROOT, 'src', 'renderer', 'index.html'), 'utf8')
    expect(metaCsp(source)).toBe('__GRADIENT_LAB_CSP__')
    expect(metaCsp(injectCsp(source))).toBe(DESKTOP)
  })

  it('a built page takes another host’s policy in place of its own', () => {
    const built = injectCsp(readFileSync(join(ROOT, 'src', 'renderer', 'index.html'), 'utf8'))
    const served = withCspMeta(built, cspMeta({ kind: 'browser', port: 41234 }))
    expect(metaCsp(served)).toBe(BROWSER_41234)
    expect(served.match(/Content-Security-Policy/g)).toHaveLength(1)
  })

  it('refuses a page with nowhere to put the policy', () => {
    expect(() => injectCsp('<!doctype html><title>x</title>')).toThrow(/no __GRADIENT_LAB_CSP__/)
    expect(() => withCspMeta('<!doctype html><title>x</title>', DESKTOP)).toThrow(/no Content-Security-Policy <meta>/)
  })

  // `npm test` builds after the unit tests: a build older than the page or the policy is not checked
  const built = join(ROOT, 'out', 'renderer', 'index.html')
  const sources = ['src/renderer/index.html', 'src/shared/csp.ts'].map((f) => statSync(join(ROOT, f)).mtimeMs)
  const fresh = existsSync(built) && statSync(built).mtimeMs > Math.max(...sources)
  it.skipIf(!fresh)('the built page carries the desktop policy (skipped: no out/renderer build newer than index.html and csp.ts)', () => {
    expect(metaCsp(readFileSync(built, 'utf8'))).toBe(DESKTOP)
  })

  // style-src 'self' holds only while no code adds a <style> element (style attributes are allowed)
  it.skipIf(!fresh)('the built renderer creates no <style> element (skipped: no fresh build)', () => {
    const assets = join(ROOT, 'out', 'renderer', 'assets')
    for (const f of readdirSync(assets).filter((n) => n.endsWith('.js'))) {
      const js = readFileSync(join(assets, f), 'utf8')
      expect(js, f).not.toMatch(/createElement\(["']style["']\)|<style/)
    }
  })
})
