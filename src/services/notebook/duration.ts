// Minutes as words for the notebooks' timing notes, apart from text.ts so that the word lists
// (text-en.ts, text-ko.ts), which text.ts imports, do not import text.ts back.
/** Minutes as words: "under a minute", "about 12 minutes", "about 3.5 hours". */
export function duration(minutes: number, units: { underOne: string; minutes: string; hours: string }): string {
  if (minutes < 1) return units.underOne
  if (minutes < 90) return units.minutes.replace('{n}', String(Math.round(minutes)))
  return units.hours.replace('{n}', (minutes / 60).toFixed(1))
}
