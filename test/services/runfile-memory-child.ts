// Run by runfile-memory.test.ts in a child process of its own, so that its peak memory is the
// export's or the import's alone: `export DB RUN_ID FILE` or `import DB FILE`. Prints
// { baseline, peak } resident set sizes in bytes as one JSON line.
import { importRunPath, writeRunFile } from '../../src/services/runfile'
import { RunStore } from '../../src/services/store/run-store'

async function main(): Promise<void> {
  const [command, db, ...rest] = process.argv.slice(2)
  const store = new RunStore(db)
  const baseline = process.memoryUsage().rss
  if (command === 'export') await writeRunFile(store, Number(rest[0]), rest[1])
  else await importRunPath(store, rest[0])
  store.close()
  process.stdout.write(JSON.stringify({ baseline, peak: process.resourceUsage().maxRSS * 1024 }) + '\n')
}

void main()
