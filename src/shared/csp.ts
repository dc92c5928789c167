// The Content-Security-Policy, in one place, per host: the desktop app speaks to main over IPC
// and needs no WebSocket at all; the browser host allows exactly its own WebSocket. The renderer's
// <meta> carries the desktop policy from the build; the browser host puts its own in when it
// serves the page, and both hosts send the same policy as a header.

export type CspHost = { kind: 'desktop' } | { kind: 'browser'; port: number }

/** Both spellings of the loopback address the browser host accepts as an Origin. */
const browserSockets = (port: number): string => `ws://127.0.0.1:${port} ws://localhost:${port}`

function directives(host: CspHost): string[] {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Svelte's components compile to a stylesheet and set styles through the DOM, which CSP does
    // not restrict; KaTeX's markup is the one source of style="" attributes. No <style> element
    // and no inline stylesheet is allowed.
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    host.kind === 'desktop' ? "connect-src 'self'" : `connect-src 'self' ${browserSockets(host.port)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ]
}

/** The policy as a <meta http-equiv> may carry it. */
export const cspMeta = (host: CspHost): string => directives(host).join('; ')

/** As an HTTP header: browsers ignore frame-ancestors in a <meta>, so only the header has it. */
export const cspHeader = (host: CspHost): string => [...directives(host), "frame-ancestors 'none'"].join('; ')

/** What src/renderer/index.html carries in its CSP <meta> until the build puts the policy there. */
const CSP_PLACEHOLDER = '__GRADIENT_LAB_CSP__'

const META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/

/** `html` with `policy` as its CSP <meta>; a page without one is an error, not a page without a CSP. */
export function withCspMeta(html: string, policy: string): string {
  if (!META.test(html)) throw new Error('index.html has no Content-Security-Policy <meta> to put the policy in')
  return html.replace(META, (_m, open: string, close: string) => `${open}${policy}${close}`)
}

/** The build transform: the source page's placeholder becomes the desktop policy. */
export function injectCsp(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html has no ${CSP_PLACEHOLDER} to put the Content-Security-Policy in`)
  return withCspMeta(html, cspMeta({ kind: 'desktop' }))
}
