// The application menu. Developer items (reload, devtools) exist only in a development build.
import { app, Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  exportRuns(): void
  showDatabase(): void
  about(): void
}

export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin'
  const dev: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Export All Runs as CSV…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportRuns() },
        { label: 'Show Database in Folder', click: () => actions.showDatabase() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...dev,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'help', submenu: [{ label: 'About Gradient Lab', click: () => actions.about() }] }
  ]
  return Menu.buildFromTemplate(template)
}
