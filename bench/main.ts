// `npm run bench`: engine and run-store timings side by side with their references.
import { loadMnist } from '../src/services/mnist'
import { csrOf } from '../src/engine/mnist/data'
import { benchEngine } from './engine'
import { formatTable } from './report'
import { benchStore } from './store'
import { benchThreads, formatThreads } from './threads'

async function main(): Promise<void> {
  const data = loadMnist()
  // the sparse form is built once per data set; keep that out of every timing
  csrOf(data.train)
  csrOf(data.test)
  const rows = [...benchEngine(data), ...(await benchStore())]
  console.log(formatTable(rows))
  console.log('')
  console.log(formatThreads(benchThreads(data)))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
