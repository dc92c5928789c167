/** better-sqlite3 built for Electron's ABI (built on first use; needs the network once), or null when it could not be built. */
export function electronSqliteBinding(): string | null
