// What the three training lessons (gate, xor2, mnist) share: the editable config and its field
// messages, whether it is valid, the session that trains it, the config of the run on screen,
// and "restore" (notebook settings, quick start). Created during a lesson component's setup.
// A lesson opens on the run it showed last (see remembered.ts): trained here, opened from the
// library, or the newest of its kind.
import { describeError } from '../i18n/index.svelte'
import { onDestroy } from 'svelte'
import type { TrainConfig } from '../../../../shared/config'
import type { KindDescriptor, WeightChange } from '../../../../shared/kinds'
import type { LabApi } from '../../../../shared/api'
import { defaultPace } from '../../../../shared/pace'
import { takePendingConfig } from '../navigation.svelte'
import { clearDraft, readDraft, saveDraft } from './draft'
import { lessonRun, setLessonRun } from './remembered'
import { lessonRunId } from './saved-run'
import { RunSession } from './session.svelte'

export class LessonState<C extends TrainConfig> {
  config = $state<C>() as C
  /** Each field's message (null when the field is fine), keyed by the lesson. */
  errors = $state<Record<string, string | null>>({})
  /** Bumped to rebuild the fields when the config is replaced (their text would be stale). */
  version = $state(0)
  /** The config of the run on screen (the editor may have moved on since). */
  shown = $state<C | null>(null)
  readonly session: RunSession

  readonly valid = $derived.by(() => {
    if (Object.values(this.errors).some(Boolean)) return false
    try {
      this.parse($state.snapshot(this.config) as C, '')
      return true
    } catch {
      return false
    }
  })

  /** The config the views draw: the run's while one is on screen, else the editor's. */
  readonly viewConfig = $derived.by(() => (this.session.status === 'idle' || !this.shown ? this.config : this.shown))

  readonly kind: C['kind']
  private readonly descriptor: KindDescriptor<C>

  constructor(
    private readonly api: LabApi,
    descriptor: KindDescriptor<C>
  ) {
    this.descriptor = descriptor
    this.kind = descriptor.kind
    const pending = takePendingConfig(this.kind)
    // read before anything saves: the inputs typed before a reload
    const draft = pending ? null : readDraft(this.kind, descriptor.parse)
    this.config = pending ? (pending.config as C) : (draft ?? this.fresh())
    // every weight snapshot is kept for the small models only (the kind's `history`)
    this.session = new RunSession(api, descriptor.history)
    this.session.pace = defaultPace(this.kind)
    onDestroy(() => this.session.dispose())
    if (pending?.runId != null) void this.open(pending.runId)
    // "Train again with these settings" from the library
    else if (pending?.start && this.valid) this.train()
    else if (!pending) void this.reopen(draft)
    // what the learner typed survives a reload (only inputs that parse are kept)
    $effect(() => {
      const config = $state.snapshot(this.config)
      if (this.valid) saveDraft(this.kind, config)
    })
  }

  train(): void {
    void this.begin(false)
  }

  /** One epoch (iteration) at a time: of the paused run on screen, else of a new run of the editor's config. */
  step(): void {
    if (this.session.status === 'paused') void this.session.step()
    else void this.begin(true)
  }

  /**
   * Puts saved run `runId` on screen and its config in the editor; `pin` remembers it for this
   * lesson (else the lesson keeps following the newest run of its kind).
   */
  async open(runId: number, pin = true): Promise<void> {
    if (pin) setLessonRun(this.kind, { runId })
    const run = await this.session.open(runId)
    if (!run || run.config.kind !== this.kind) return
    this.shown = run.config as C
    this.restore(structuredClone(run.config) as C)
  }

  /**
   * A weight of the paused run on screen set by hand (kinds with `branch`): the run ends there
   * and its branch, paused at the same step, is on screen and in the editor.
   */
  async branch(edit: WeightChange): Promise<void> {
    const at = this.session.done
    const from = this.shown
    const make = this.descriptor.branch?.bind(this.descriptor)
    if (!from || !make) return
    const runId = await this.session.branch(edit)
    if (runId == null) return
    setLessonRun(this.kind, { runId })
    const next = make($state.snapshot(from) as C, edit, at)
    this.shown = next
    this.restore(structuredClone(next))
  }

  /** Empties the lesson (the run stays in the library): editor back to its defaults, no views. */
  reset(): void {
    setLessonRun(this.kind, 'none')
    clearDraft(this.kind)
    this.session.reset()
    this.shown = null
    this.restore()
  }

  /** What the lesson opens with: its kind's defaults, a copy to edit. */
  private fresh(): C {
    return structuredClone(this.descriptor.defaults)
  }

  private parse(value: unknown, path: string): C {
    return this.descriptor.parse(value, path)
  }

  restore(to: C = this.fresh()): void {
    this.config = to
    this.errors = {}
    this.version++
  }

  private async begin(paused: boolean): Promise<void> {
    const c = $state.snapshot(this.config) as C
    this.shown = c
    const runId = await this.session.start(c, paused)
    if (runId == null) return
    setLessonRun(this.kind, { runId })
    if (paused) await this.session.step()
  }

  private async reopen(draft: C | null): Promise<void> {
    try {
      const runId = await lessonRunId(this.api, this.kind)
      // the learner may have started a run or pressed Reset meanwhile: that stays
      if (runId != null && this.session.status === 'idle' && lessonRun(this.kind) !== 'none') await this.open(runId, false)
      // the editor returns to the inputs typed before the reload; the run stays on screen
      if (draft && this.session.status !== 'running') this.restore(draft)
    } catch (e) {
      this.session.error = describeError(e)
    }
  }
}
