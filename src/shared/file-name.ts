// A run's name as part of an exported file's name. Letters of every script stay (a Korean run
// name stays Korean); only what some file system forbids is replaced: / \ : * ? " < > | and
// control characters (Windows is the strictest), and a trailing dot or space (Windows drops it).
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/g

/** `name` made safe for a file name, at most `max` characters (not bytes), never empty. */
export function fileNamePart(name: string, max = 60, fallback = 'run'): string {
  const safe = name.replace(/\s+/g, ' ').trim().replace(FORBIDDEN, '_')
  const cut = Array.from(safe).slice(0, max).join('')
  return cut.replace(/[. ]+$/, '') || fallback
}
