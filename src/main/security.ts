// Hardening that applies to every web contents the app ever creates, not only our window:
// no navigation away in any frame, no new windows, no <webview>, no permissions, and the desktop
// CSP as a header on every response (the app:// handler sends it too; this covers the development
// server, whose pages are http://).
import { app, session } from 'electron'
import { cspHeader } from '../shared/csp'

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    // every frame, not only the top one: a reload of the page itself is the one navigation allowed
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame || event.url !== contents.getURL()) event.preventDefault()
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
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [cspHeader({ kind: 'desktop' })] } })
  })
}
