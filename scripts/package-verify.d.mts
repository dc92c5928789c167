export const REQUIRED: string[]
export const SQLITE_BINDING: string
export function buildOnly(path: string): string | null
export function verifyPackage(appDir: string): { problems: string[]; sizes: Record<string, number> }
export const FUSES: Record<string, boolean>
export function checkFuses(binary: string): Promise<string[]>
