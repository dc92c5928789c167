// `npm run serve -- --port P --db FILE [--token T]`: the browser host.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { EngineHost } from '../services/engine-host/engine-host'
import { forkSpawner } from '../services/engine-host/fork-spawner'
import { LabService } from '../services/lab-service'
import { readSamples, readTrainDigits } from '../services/mnist/samples'
import { resolveDbPath } from '../services/paths'
import { RunStore } from '../services/store/run-store'
import { startHost } from './server'

function fail(message: string): never {
  process.stderr.write(`serve: ${message}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  let values: { port?: string; db?: string; token?: string }
  try {
    ;({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { port: { type: 'string' }, db: { type: 'string' }, token: { type: 'string' } },
      strict: true,
      allowPositionals: false
    }))
  } catch (e) {
    // node's own sentence ("Unknown option '--prot'", "Option '--port <value>' argument missing")
    fail(`${(e as Error).message} (allowed: --port P, --db FILE, --token T)`)
  }
  const portText = values.port ?? '0'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be an integer from 0 to 65535 (got ${JSON.stringify(portText)})`)
  const token = values.token ?? process.env.LAB_TOKEN ?? randomBytes(24).toString('base64url')
  if (!/^[\w-]{8,200}$/.test(token)) fail('--token must be 8 to 200 letters, digits, - or _')
  const rendererDir = resolve(__dirname, '..', '..', 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(`serve: warning: ${rendererDir}/index.html is missing; run \`npm run build\` first\n`)
  }

  const store = new RunStore(resolveDbPath(values.db))
  if (store.notice) process.stderr.write(`serve: ${store.notice}\n`)
  const service = new LabService({ store, engine: new EngineHost(forkSpawner()), mnistSamples: (count) => readSamples(count), mnistTrainDigits: (indices) => readTrainDigits(indices) })
  const host = await startHost({ service, rendererDir, port, token })
  process.stdout.write(`Gradient Lab browser host: ${host.url}\n`)

  const shutdown = (): void => {
    service.close()
    void host.close().then(() => {
      store.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((e: Error) => fail(e.message))
