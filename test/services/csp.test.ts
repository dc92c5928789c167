// The renderer's <meta> CSP is put in at build time from src/shared/csp.ts: the source page has
// the placeholder, the transform gives the policy written out below, and a built page has it too.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { injectCsp } from '../../src/shared/csp'

const ROOT = join(__dirname, '..', '..')
// the policy a <meta> may carry (frame-ancestors is header-only), written out, not imported
const META_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self' ws://127.0.0.1:*; object-src 'none'; base-uri 'none'; form-action 'none'"

const metaCsp = (html: string): string | undefined =>
  /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1]

describe('renderer CSP meta', () => {
  it('the source page gets the policy from the build transform', () => {
    const source = readFileSync(join(ROOT, 'src', 'renderer', 'index.html'), 'utf8')
    expect(metaCsp(source)).toBe('__GRADIENT_LAB_CSP__')
    expect(metaCsp(injectCsp(source))).toBe(META_POLICY)
  })

  it('refuses a page with nowhere to put the policy', () => {
    expect(() => injectCsp('<!doctype html><title>x</title>')).toThrow(/no __GRADIENT_LAB_CSP__/)
  })

  // `npm test` builds after the unit tests: a build older than the page or the policy is not checked
  const built = join(ROOT, 'out', 'renderer', 'index.html')
  const sources = ['src/renderer/index.html', 'src/shared/csp.ts'].map((f) => statSync(join(ROOT, f)).mtimeMs)
  const fresh = existsSync(built) && statSync(built).mtimeMs > Math.max(...sources)
  it.skipIf(!fresh)('the built page carries it (skipped: no out/renderer build newer than index.html and csp.ts)', () => {
    expect(metaCsp(readFileSync(built, 'utf8'))).toBe(META_POLICY)
  })
})
