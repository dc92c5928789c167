// What went wrong, as a code and its parameters. The services report a problem (ApiError.problem)
// and every front words it in its own language: the `lab` command and the logs in English, the
// window in the learner's. A parameter may itself be a problem (the reason inside "cannot be
// imported: …"), worded in the same language. Terms follow docs/glossary.md.
import type { Language } from './language'
import { fill } from './words'

const catalogue = {
  'runfile.refused': {
    en: 'This run file cannot be imported: {why}. Nothing was changed.',
    ko: '이 실행 파일은 가져올 수 없습니다: {why}. 아무것도 바뀌지 않았습니다.'
  },
  'runfile.empty': { en: 'it is empty', ko: '파일이 비어 있습니다' },
  'runfile.notRunFile': {
    en: 'it is not a Gradient Lab run file ({detail})',
    ko: '실행 파일이 아닙니다 (첫 줄이 실행 파일의 머리글이 아닙니다)'
  },
  'runfile.version': {
    en: 'its version {version} is not supported (this version reads {supported})',
    ko: '파일 형식 {version|은/는} 읽을 수 없습니다 (이 프로그램은 {supported|을/를} 읽습니다)'
  },
  'runfile.tooLarge': {
    en: 'it is {size} bytes; a run file is at most {limit} bytes',
    ko: '파일이 {size}바이트입니다. 실행 파일은 최대 {limit}바이트입니다'
  },
  'runfile.notJson': {
    en: 'line {line} is not JSON ({detail}): the file is damaged or truncated',
    ko: '{line}번째 줄을 읽을 수 없습니다: 파일이 손상되었거나 잘렸습니다'
  },
  'runfile.lineTooLong': {
    en: 'line {line} is longer than any line of a run file can be ({limit} bytes): it is not a run file, or it is damaged',
    ko: '{line}번째 줄이 실행 파일의 어떤 줄보다도 깁니다 (최대 {limit}바이트): 실행 파일이 아니거나 손상되었습니다'
  },
  'runfile.checksum': {
    en: 'its checksum does not match its content: the file was changed or damaged after export',
    ko: '체크섬이 내용과 맞지 않습니다: 내보낸 뒤에 파일이 바뀌었거나 손상되었습니다'
  },
  'runfile.changed': { en: 'it changed while it was being imported', ko: '가져오는 동안 파일이 바뀌었습니다' },
  /** Any other rule of the format, of the file as a whole; the English names the rule exactly. */
  'runfile.rule': {
    en: '{detail}',
    ko: '파일 내용이 실행 파일의 규칙에 맞지 않습니다: 파일이 손상되었거나 다른 프로그램이 고쳐 썼습니다'
  },
  /** The same, of one line. */
  'runfile.ruleAt': {
    en: '{detail}',
    ko: '{line}번째 줄이 실행 파일의 규칙에 맞지 않습니다: 파일이 손상되었거나 다른 프로그램이 고쳐 썼습니다'
  },
  'runfile.unreadable': { en: 'cannot read {path}: {detail}', ko: '{path|을/를} 읽을 수 없습니다' },
  'import.busy': {
    en: 'Another run file is being imported; try again when it is done.',
    ko: '다른 실행 파일을 가져오는 중입니다. 끝난 뒤에 다시 시도하세요.'
  },
  'run.notFound': { en: 'there is no run {id}', ko: '실행 {id|이/가} 없습니다' },
  'storage.full': { en: 'the disk is full', ko: '디스크가 가득 찼습니다' },
  'storage.busy': {
    en: 'the database is busy (another program held it longer than the busy timeout)',
    ko: '데이터베이스를 다른 프로그램이 쓰고 있습니다 (기다릴 수 있는 시간보다 오래 붙잡고 있었습니다)'
  },
  'storage.readOnly': {
    en: 'the database cannot be written to (the file, its folder or its disk is read-only)',
    ko: '데이터베이스에 쓸 수 없습니다 (파일, 폴더 또는 디스크가 읽기 전용입니다)'
  },
  'storage.damaged': { en: 'the database is damaged', ko: '데이터베이스가 손상되었습니다' },
  'storage.cantOpen': {
    en: 'the database cannot be opened (check the path and its permissions)',
    ko: '데이터베이스를 열 수 없습니다 (경로와 권한을 확인하세요)'
  },
  'storage.io': { en: 'the disk could not be read or written ({detail})', ko: '디스크를 읽거나 쓰지 못했습니다' },
  'storage.runGone': { en: '{detail} (was the run deleted?)', ko: '실행을 저장하지 못했습니다 (실행이 삭제되었나요?)' },
  'import.storage': {
    en: 'The run file could not be imported: {problem}. Nothing was added.',
    ko: '실행 파일을 가져오지 못했습니다: {problem}. 아무것도 추가되지 않았습니다.'
  },
  'export.tooLarge': {
    en: '{what} would be larger than {limit} MB: export fewer runs at a time',
    ko: '내보낼 파일이 {limit} MB보다 커집니다: 한 번에 더 적은 실행을 내보내세요'
  },
  'export.noSnapshot': {
    en: 'run {id} has no parameter snapshot at or before step {step}',
    ko: '실행 {id}에는 {step}단계나 그 전에 저장된 매개변수 스냅샷이 없습니다'
  },
  'notebook.noSteps': {
    en: 'run {id} has no logged steps: there is nothing for a notebook to reproduce',
    ko: '실행 {id}에는 기록된 단계가 없습니다: 노트북이 재현할 것이 없습니다'
  },
  'notebook.mnistMissing': {
    en: 'MNIST files not found in {dirs}: the notebook can be exported without them',
    ko: 'MNIST 파일을 찾을 수 없습니다 ({dirs}): 노트북은 파일 없이 내보낼 수 있습니다'
  },
  'notebook.mnistDamaged': {
    en: 'MNIST file {path} is damaged: sha256 {sha}, expected {expected}',
    ko: 'MNIST 파일 {path|이/가} 손상되었습니다 (sha256이 맞지 않습니다)'
  }
} satisfies Record<string, Record<Language, string>>

export type ProblemId = keyof typeof catalogue

export interface Problem {
  id: ProblemId
  params?: Record<string, string | number | Problem>
}

export const PROBLEM_IDS = Object.keys(catalogue) as ProblemId[]

/** The problem in words, in `lang`. */
export function wordProblem(p: Problem, lang: Language = 'en'): string {
  const vars: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(p.params ?? {})) vars[k] = typeof v === 'object' ? wordProblem(v, lang) : v
  return fill(catalogue[p.id][lang], vars)
}

/** A problem that crossed a process boundary, checked: an unknown id or a malformed one is dropped (the message still says it in English). */
export function parseProblem(v: unknown): Problem | undefined {
  if (typeof v !== 'object' || v === null) return undefined
  const { id, params } = v as { id?: unknown; params?: unknown }
  if (typeof id !== 'string' || !Object.hasOwn(catalogue, id)) return undefined
  if (params === undefined) return { id: id as ProblemId }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined
  const out: Record<string, string | number | Problem> = {}
  for (const [k, p] of Object.entries(params)) {
    if (typeof p === 'string' || typeof p === 'number') out[k] = p
    else {
      const inner = parseProblem(p)
      if (!inner) return undefined
      out[k] = inner
    }
  }
  return { id: id as ProblemId, params: out }
}
