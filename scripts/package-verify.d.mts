/** Checks the packaged app in `appDir` (the folder holding `resources/`): one line per problem, each naming the file; and the sizes measured. */
export function verifyPackage(appDir: string): { problems: string[]; sizes: Record<string, number> }
/** The fuses of the Electron binary at `binary` that are not as the package needs them, one line each. */
export function checkFuses(binary: string): Promise<string[]>
