// `lab train <kind>`: trains in this process (the engine process's own sliced runner, driven by
// the same lifecycle as the app: src/services/lifecycle), prints each logged step, and stores the
// run (this process owns it: pid + heartbeat, so a killed `lab` leaves an `interrupted` run).
// Ctrl-C saves it as `stopped`; a storage error (full disk, busy database) as `failed`.
import { createTrainer } from '../../engine'
import type { StepRecord, Trainer } from '../../engine/types'
import { inProcess } from '../../services/lifecycle/in-process'
import { RunNotCreated, TrainingRun, type RunEnd } from '../../services/lifecycle/training-run'
import { computeFor } from '../../services/threads'
import { loadMnist } from '../../services/mnist'
import type { RunStore } from '../../services/store/run-store'
import { totalSteps, trainedKinds } from '../../shared/kinds'
import { numpyList } from '../../shared/kinds/words'
import { CliError, parseArgs } from '../args'
import { ProgressLine } from '../progress-line'
import { nameFlag, openStore, type Output } from './common'
import { command, specOf } from '../options'
import { trainConfig } from './train-config'

export async function train(argv: string[], out: Output): Promise<number> {
  const trained = trainedKinds().filter((k) => k.cli)
  const kind = trained.find((k) => k.kind === argv[0])
  if (!kind?.cli) {
    const names = trained.map((k) => k.kind)
    throw new CliError(`train needs a model: ${names.slice(0, -1).join(', ')} or ${names.at(-1)} (got ${JSON.stringify(argv[0] ?? '')})`)
  }
  const cli = kind.cli
  const p = parseArgs(argv.slice(1), specOf(command(`train ${kind.kind}`)), `train ${kind.kind}`)
  if (p.positional.length) throw new CliError(`unexpected argument ${JSON.stringify(p.positional[0])}`)
  const config = trainConfig(kind, p)
  const json = p.switches.has('--json')
  const name = nameFlag(p)
  const data = kind.dataset === 'mnist' ? loadMnist() : undefined
  // an MNIST run's worker threads (src/services/threads) end with it
  const threads = computeFor(config, data)
  // a configuration the trainer refuses (descent's f that does not parse) is a usage error, and nothing is stored
  let trainer: Trainer
  try {
    trainer = createTrainer(config, data, threads.compute)
  } catch (e) {
    void threads.close()
    throw new CliError((e as Error).message)
  }
  const store: RunStore | null = p.switches.has('--no-save') ? null : openStore(p, out, true)
  const total = totalSteps(config)
  const progress = json ? null : new ProgressLine(kind.stepNoun, total)

  // the contract prints every K epochs; the trainer also reports its last epoch and a diverged
  // one: those are stored (as the app stores them) but not printed, the done line carries them
  const printed = (r: StepRecord): boolean => cli.printed(r, config)
  const show = (records: StepRecord[], done: number): void => {
    for (const r of records.filter(printed)) {
      if (json) out.stdout(JSON.stringify(cli.json(r, config)))
      else {
        progress!.end()
        out.stdout(cli.human(r, config))
      }
    }
    progress?.update(done)
  }

  let run: TrainingRun
  const status = await new Promise<RunEnd>((resolve) => {
    try {
      run = new TrainingRun(store, config, inProcess(trainer), { name, kept: show, ended: resolve })
    } catch (e) {
      void threads.close()
      store?.close()
      if (e instanceof RunNotCreated) throw new CliError(`cannot save the run to ${store!.file}: ${e.message}`, 1)
      throw e
    }
    const stop = (): void => run.stop()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  progress?.end()
  await threads.close()
  store?.close()
  if (status.storageProblem) {
    throw new CliError(`cannot save run ${run!.id} to ${store!.file}: ${status.storageProblem}; training was stopped`, 1)
  }
  const runId = run!.id

  const tail = { ...(kind.predictions > 0 ? { predictions: status.predictions } : {}), ...cli.done?.(trainer.params()) }
  if (status.status === 'done') {
    if (json) out.stdout(JSON.stringify({ done: true, ...tail, runId }))
    else out.stdout(`done${status.predictions ? `: predictions ${numpyList(status.predictions)}` : ''}${cli.done ? ` ${JSON.stringify(cli.done(trainer.params()))}` : ''}${runId ? ` (run ${runId} saved)` : ''}`)
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
