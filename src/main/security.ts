// Hardening that applies to every web contents the app ever creates, not only our window:
// every renderer sandboxed, no navigation away in any frame, no new windows, no <webview>, no
// permissions and no devices (camera, microphone, HID, serial, USB, Bluetooth: a lesson needs
// none), and the desktop CSP as a header on every response (the app:// handler sends it too;
// this covers the development server, whose pages are http://).
import { app, session } from 'electron'
import { cspHeader } from '../shared/csp'

/** Call before `app` is ready: the sandbox and these handlers must be in place before any page. */
export function hardenWebContents(): void {
  // every renderer sandboxed, whatever a window's webPreferences say
  app.enableSandbox()
  app.on('web-contents-created', (_event, contents) => {
    contents.on('select-bluetooth-device', (event, _devices, choose) => {
      event.preventDefault()
      choose('')
    })
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
  // every permission (media, geolocation, notifications, hid, serial, usb, …) refused, asked or checked
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null))
  // a device picker is never shown: each request ends as if the user had cancelled it
  ses.on('select-hid-device', (event, _details, choose) => {
    event.preventDefault()
    choose()
  })
  ses.on('select-serial-port', (event, _ports, _contents, choose) => {
    event.preventDefault()
    choose('')
  })
  ses.on('select-usb-device', (event, _details, choose) => {
    event.preventDefault()
    choose()
  })
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [cspHeader({ kind: 'desktop' })] } })
  })
}
