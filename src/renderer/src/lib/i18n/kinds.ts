// A kind's words in the UI's language, read from its descriptor (src/shared/kinds/): the lesson's
// title, each field's label and the words for its values.
import { valueWords, type FieldSpec } from '../../../../shared/fields'
import { kindOf, lessonTitle } from '../../../../shared/kinds'
import { i18n, pick } from './index.svelte'

const fieldOf = (kind: string, key: string): FieldSpec | undefined => kindOf(kind).fields.find((f) => f.key === key)

/** "4.5.1 Logic gates": the sidebar's and the library's name of a kind. */
export const kindLabel = (kind: string): string => lessonTitle(kind, i18n.lang)

/** A field's label; a key no row has reads as itself. */
export function fieldLabel(kind: string, key: string): string {
  const field = fieldOf(kind, key)
  return field ? pick(field.label) : key
}

/** A field's value as the UI words it (a gradient method, a formulation), else as is. */
export const valueLabel = (kind: string, key: string, value: unknown): string => valueWords(fieldOf(kind, key), value, i18n.lang)

/** The options of a field with fixed values, in the order given, each worded. */
export const valueOptions = <T extends string>(kind: string, key: string, values: readonly T[]): { value: T; label: string }[] =>
  values.map((value) => ({ value, label: valueLabel(kind, key, value) }))
