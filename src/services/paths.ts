// Where the run database lives: the desktop app, the browser host and the `lab` CLI all
// default to the same file, so a run trained headless shows up in the app.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { ValidationError } from '../shared/schema'

const APP_DIR = 'Gradient Lab'
const DB_FILE = 'lab.db'

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR, DB_FILE)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR, DB_FILE)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_DIR, DB_FILE)
}

/** The database to open, and whether the user named it (`--db FILE`, LAB_DB): a named file is never moved aside (store/open.ts). */
export interface DbChoice {
  file: string
  userNamed: boolean
}

/** `--db FILE` wins, then LAB_DB, then the desktop app's file. An empty `--db` is a mistake, not "the default". */
export function resolveDb(flag?: string, env: NodeJS.ProcessEnv = process.env): DbChoice {
  if (flag === '') throw new ValidationError('--db', 'a file name', '', '--db needs a file name (got an empty one)')
  if (flag) return { file: flag, userNamed: true }
  if (env.LAB_DB) return { file: env.LAB_DB, userNamed: true }
  return { file: defaultDbPath(env), userNamed: false }
}
