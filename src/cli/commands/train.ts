// `lab train gate|xor2|mnist`: trains in this process with the engine process's own sliced
// runner, prints each logged step, and stores the run through the same lifecycle as the app
// (this process owns it: pid + heartbeat, so a killed `lab` leaves an `interrupted` run).
// Ctrl-C saves it as `stopped`; a storage error (full disk, busy database) as `failed`.
import { createTrainer } from '../../engine'
import type { StepRecord } from '../../engine/types'
import type { TrainConfig } from '../../shared/config'
import { SlicedRunner } from '../../services/engine-process/runner'
import { OwnedRun, storageFailureReason, type EndStatus } from '../../services/lifecycle/owned-run'
import { storageProblem } from '../../services/lifecycle/storage-problem'
import { computeFor } from '../../services/threads'
import { loadMnist } from '../../services/mnist'
import type { RunStore } from '../../services/store/run-store'
import { totalSteps } from '../../shared/total-steps'
import { CliError, parseArgs } from '../args'
import { ProgressLine } from '../progress-line'
import { openStore, type Output } from './common'
import { command, specOf } from '../options'
import { trainConfig } from './train-config'

const flat = (r: StepRecord, name: string): number[] => Array.from(r.params?.[name]?.data ?? [])

/** The contract's JSON line for a logged step. */
function jsonLine(config: TrainConfig, r: StepRecord): object {
  switch (config.kind) {
    case 'gate':
      return { epoch: r.step, loss: r.loss, weights: flat(r, 'w'), bias: flat(r, 'b') }
    case 'xor2':
      return { epoch: r.step, lr: r.lr, loss: r.loss, params: { W1: flat(r, 'W1'), b1: flat(r, 'b1'), W2: flat(r, 'W2'), b2: flat(r, 'b2') } }
    case 'mnist':
      return {
        iteration: r.step,
        loss: r.loss,
        ...(r.trainAcc !== undefined ? { trainAcc: r.trainAcc } : {}),
        ...(r.testAcc !== undefined ? { testAcc: r.testAcc } : {})
      }
  }
}

const fmt = (xs: number[]): string => `[${xs.map((x) => x.toPrecision(9)).join(' ')}]`

function humanLine(config: TrainConfig, r: StepRecord): string {
  switch (config.kind) {
    case 'gate':
      return `Epochs : ${r.step}, Loss : ${r.loss}, Weights : ${fmt(flat(r, 'w'))}, Bias : ${fmt(flat(r, 'b'))}`
    case 'xor2':
      return `Epochs : ${r.step}, lr : ${r.lr}, Loss : ${r.loss}`
    case 'mnist': {
      const acc = r.trainAcc !== undefined ? `, Train Accuracy : ${r.trainAcc}, Test Accuracy : ${r.testAcc}` : ''
      return `Iteration : ${r.step}, Cost : ${r.loss}${acc}`
    }
  }
}

export async function train(argv: string[], out: Output): Promise<number> {
  const kind = argv[0]
  if (kind !== 'gate' && kind !== 'xor2' && kind !== 'mnist') {
    throw new CliError(`train needs a model: gate, xor2 or mnist (got ${JSON.stringify(kind ?? '')})`)
  }
  const p = parseArgs(argv.slice(1), specOf(command(`train ${kind}`)), `train ${kind}`)
  if (p.positional.length) throw new CliError(`unexpected argument ${JSON.stringify(p.positional[0])}`)
  const config = trainConfig(kind, p)
  const json = p.switches.has('--json')
  const data = kind === 'mnist' ? loadMnist() : undefined
  const store: RunStore | null = p.switches.has('--no-save') ? null : openStore(p, out)
  const total = totalSteps(config)
  const progress = json ? null : new ProgressLine(kind === 'mnist' ? 'iteration' : 'epoch', total)

  // the contract prints every K epochs; the trainer also reports its last epoch and a diverged
  // one: those are stored (as the app stores them) but not printed, the done line carries them
  const printed = (r: StepRecord): boolean => config.kind === 'mnist' || r.step % config.logEvery === 0
  let saveError: string | null = null
  let runner: SlicedRunner | null = null
  const own = (store: RunStore): OwnedRun => {
    try {
      return new OwnedRun(store, { config, name: p.values.get('--name'), totalSteps: total }, (problem) => {
        saveError = problem
        runner?.stop()
      })
    } catch (e) {
      store.close()
      throw new CliError(`cannot save the run to ${store.file}: ${storageProblem(e)}`, 1)
    }
  }
  const run = store ? own(store) : null

  const threads = computeFor(config, data)
  const status = await new Promise<{ status: EndStatus; reason?: string; predictions?: number[] }>((resolve) => {
    runner = new SlicedRunner(createTrainer(config, data, threads.compute), {
      records: (records, done) => {
        if (run && !run.append(records)) return
        for (const r of records.filter(printed)) {
          if (json) out.stdout(JSON.stringify(jsonLine(config, r)))
          else {
            progress!.end()
            out.stdout(humanLine(config, r))
          }
        }
        progress?.update(done)
        runner!.acknowledge(done)
      },
      paused: () => undefined, // nothing pauses a CLI run
      finished: (status, reason, predictions) => resolve({ status, reason, predictions })
    })
    const stop = (): void => runner!.stop()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    runner.start()
  })
  progress?.end()
  await threads.close()
  if (saveError) {
    run!.finish('failed', storageFailureReason(saveError))
    store!.close()
    throw new CliError(`cannot save run ${run!.id} to ${store!.file}: ${saveError as string}; training was stopped`, 1)
  }
  run?.finish(status.status, status.reason ?? null, status.predictions)
  store?.close()
  const runId = run?.id ?? null

  const tail = kind === 'mnist' ? {} : { predictions: status.predictions }
  if (status.status === 'done') {
    if (json) out.stdout(JSON.stringify({ done: true, ...tail, runId }))
    else out.stdout(`done${status.predictions ? `: predictions ${fmt(status.predictions)}` : ''}${runId ? ` (run ${runId} saved)` : ''}`)
    return 0
  }
  if (json) out.stdout(JSON.stringify({ done: false, status: status.status, reason: status.reason ?? null, runId }))
  const saved = runId ? ` Run ${runId} was saved as ${status.status}.` : ''
  if (status.status === 'stopped') {
    out.stderr(`Training was stopped.${saved}`)
    return 130
  }
  out.stderr(`Training failed: ${status.reason}.${saved}`)
  return 1
}
