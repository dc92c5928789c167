// `npm run serve -- --port P --db FILE [--token-file FILE]`: the browser host. A fixed token comes
// from $LAB_TOKEN or a file, never the command line, which every local user can read (ps);
// `--token T` still works, with a warning.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { EngineHost } from '../services/engine-host/engine-host'
import { forkSpawner } from '../services/engine-host/fork-spawner'
import { LabService } from '../services/lab-service'
import { readSamples, readTrainDigits } from '../services/mnist/samples'
import { resolveDb } from '../services/paths'
import { RunStore } from '../services/store/run-store'
import { startHost } from './server'

function fail(message: string): never {
  process.stderr.write(`serve: ${message}\n`)
  process.exit(2)
}

/** $LAB_SOCKET_TIMEOUT_MS: how long a half-sent or silent socket is kept (server/limits.ts; tests shorten it). */
function socketTimeout(): number | undefined {
  const text = process.env.LAB_SOCKET_TIMEOUT_MS
  if (text === undefined) return undefined
  if (!/^\d{1,9}$/.test(text) || Number(text) < 100) fail(`LAB_SOCKET_TIMEOUT_MS must be a whole number of milliseconds, at least 100 (got ${JSON.stringify(text)})`)
  return Number(text)
}

/** --token-file, else --token (warned), else $LAB_TOKEN, else a new one for this launch. */
function chooseToken(values: { token?: string; 'token-file'?: string }): string {
  if (values['token-file'] !== undefined) {
    if (values.token !== undefined) fail('give --token-file or --token, not both')
    try {
      // the file's first line: an editor's or echo's newline is not part of it
      return readFileSync(values['token-file'], 'utf8').split(/\r?\n/)[0]
    } catch (e) {
      fail(`cannot read --token-file ${values['token-file']}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
    }
  }
  if (values.token !== undefined) {
    process.stderr.write('serve: warning: --token shows the token to every local user (ps); use LAB_TOKEN or --token-file FILE\n')
    return values.token
  }
  return process.env.LAB_TOKEN ?? randomBytes(24).toString('base64url')
}

async function main(): Promise<void> {
  let values: { port?: string; db?: string; token?: string; 'token-file'?: string }
  try {
    ;({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { port: { type: 'string' }, db: { type: 'string' }, token: { type: 'string' }, 'token-file': { type: 'string' } },
      strict: true,
      allowPositionals: false
    }))
  } catch (e) {
    // node's own sentence ("Unknown option '--prot'", "Option '--port <value>' argument missing")
    fail(`${(e as Error).message} (allowed: --port P, --db FILE, --token-file FILE, --token T)`)
  }
  const portText = values.port ?? '0'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be an integer from 0 to 65535 (got ${JSON.stringify(portText)})`)
  const token = chooseToken(values)
  if (!/^[\w-]{8,200}$/.test(token)) fail('the token must be 8 to 200 letters, digits, - or _')
  const rendererDir = resolve(__dirname, '..', '..', 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(`serve: warning: ${rendererDir}/index.html is missing; run \`npm run build\` first\n`)
  }

  const db = resolveDb(values.db)
  // a file the user named is refused, never moved aside, when it is not a run database
  const store = new RunStore(db.file, { mode: db.userNamed ? 'create' : 'recover' })
  if (store.notice) process.stderr.write(`serve: ${store.notice}\n`)
  const service = new LabService({ store, engine: new EngineHost(forkSpawner()), mnistSamples: (count) => readSamples(count), mnistTrainDigits: (indices) => readTrainDigits(indices) })
  const host = await startHost({ service, rendererDir, port, token, socketTimeoutMs: socketTimeout() })
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
