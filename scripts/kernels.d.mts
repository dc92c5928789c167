/** kernels.wat, in the kernels folder. */
export const watPath: string
/** The generated wasm.ts beside it. */
export const modulePath: string
/** The text wasm.ts must have: kernels.wat compiled, as base64. */
export function kernelsModule(): Promise<string>
