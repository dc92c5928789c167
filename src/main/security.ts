// Hardening that applies to every web contents the app ever creates, not only our window:
// no navigation away, no new windows, no <webview>, no permissions, and the CSP as a header
// in development (the built renderer is a file:// page whose <meta> CSP is the same policy, from src/shared/csp).
import { app, session } from 'electron'
import { CSP_HEADER } from '../shared/csp'

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** Call after `app` is ready: sessions do not exist before. */
export function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP_HEADER] } })
  })
}
