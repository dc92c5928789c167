// The Content-Security-Policy, in one place: the renderer's <meta> (injected at build time),
// the browser host's header and Electron's header all come from here.

const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
]

/** The policy as a <meta http-equiv> may carry it. */
export const CSP = directives.join('; ')

/** As an HTTP header: browsers ignore frame-ancestors in a <meta>, so only the header has it. */
export const CSP_HEADER = [...directives, "frame-ancestors 'none'"].join('; ')

/** What src/renderer/index.html carries in its CSP <meta> until the build puts the policy there. */
export const CSP_PLACEHOLDER = '__GRADIENT_LAB_CSP__'

/** index.html with the policy in place of the placeholder; a page without it is a build error, not a page without a CSP. */
export function injectCsp(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html has no ${CSP_PLACEHOLDER} to put the Content-Security-Policy in`)
  return html.split(CSP_PLACEHOLDER).join(CSP)
}
