/** Path of the Electron executable, or null when the binary is not installed. */
export function electronBinary(): string | null
/** Downloads the binary when missing (fails fast offline); returns electronBinary() afterwards. */
export function tryInstallElectron(): string | null
/** Why the desktop app cannot run here. */
export const ELECTRON_MISSING: string
/** The line printed wherever the Electron e2e project is skipped for want of the binary. */
export const ELECTRON_SKIPPED: string
