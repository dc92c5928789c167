// What the desktop app tells the user when its run database cannot be opened: the reason, and
// when it is better-sqlite3's native module that did not load, what to do about it in this layout.
import { StoreOpenError } from '../services/store/open'

/** Messages of a native module that does not load: another ABI, another platform's binary, or not a binary at all. */
const BINDING_FAILURE = /NODE_MODULE_VERSION|better_sqlite3\.node|invalid ELF|not a valid Win32|mach-o|wrong ELF class|cannot open shared object/i

export function storeProblem(error: unknown, dbPath: string, layout: { packaged: boolean; nativeBinding: string | undefined }): string {
  const message = error instanceof Error ? error.message : String(error)
  // a StoreOpenError already names the file
  const what = error instanceof StoreOpenError ? message : `could not open its run database at ${dbPath}: ${message}`
  let hint = ''
  if (BINDING_FAILURE.test(message)) {
    hint = layout.packaged
      ? ` (its SQLite module ${layout.nativeBinding} does not load in this Electron: the package is damaged or was built without rebuilding better-sqlite3 for Electron; reinstall Gradient Lab)`
      : ' (better-sqlite3 was built for Node, not Electron: start the app with `npm start`, which builds it for Electron; see the README)'
  }
  return `Gradient Lab ${what}${hint}`
}
