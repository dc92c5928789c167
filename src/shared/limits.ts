// The lengths a run's texts may have, named once: the API's validators, the run-file reader,
// `lab --name`, the library's dialogs and their help texts all read these.
import { str } from './schema'

/** A run's name, as the library lists it. */
export const NAME_MAX = 200
/** A run's note, and the reason it ended. */
export const NOTE_MAX = 10_000
/** The name an imported file had (a path component on every file system we run on). */
export const FILENAME_MAX = 260

/** A run's name as a user gives it: not empty, at most NAME_MAX characters. */
export const runName = str({ min: 1, max: NAME_MAX })
export const runNote = str({ max: NOTE_MAX })
