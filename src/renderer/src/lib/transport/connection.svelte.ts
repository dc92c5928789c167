// Connection state shown by the app's banner. Electron's IPC never drops, so it stays 'open' there.
export type ConnectionState = 'connecting' | 'open' | 'lost'

export const connection = $state<{ state: ConnectionState; attempt: number }>({ state: 'connecting', attempt: 0 })
