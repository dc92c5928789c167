// Where the run database lives: the desktop app, the browser host and the `lab` CLI all
// default to the same file, so a run trained headless shows up in the app.
import { homedir } from 'node:os'
import { join } from 'node:path'

const APP_DIR = 'Gradient Lab'
const DB_FILE = 'lab.db'

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR, DB_FILE)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR, DB_FILE)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_DIR, DB_FILE)
}

/** `--db FILE` wins, then LAB_DB, then the desktop app's file. */
export function resolveDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.LAB_DB || defaultDbPath(env)
}
