// The UI's languages: every text the renderer shows and every notebook's explanations exist in
// each. Declared once; the API's validator and `lab export --language` read the same list.
import { oneOf } from './schema'

export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]

export const language = oneOf(...LANGUAGES)
