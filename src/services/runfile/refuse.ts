// Every refused import says why and that the library is as it was.
import { ApiFailure } from '../errors'

export const refuse = (why: string): never => {
  throw new ApiFailure('invalid', `This run file cannot be imported: ${why}. Nothing was changed.`)
}
