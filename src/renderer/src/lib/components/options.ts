// A select's options labelled by a lesson's strings: each value is shown as its own string's text.
export const optionsOf = <T extends string>(values: readonly T[], label: (value: T) => string): { value: T; label: string }[] =>
  values.map((value) => ({ value, label: label(value) }))
