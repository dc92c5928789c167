// What the three training lessons (gate, xor2, mnist) share: the editable config and its field
// messages, whether it is valid, the session that trains it, the config of the run on screen,
// and "restore" (notebook settings, quick start). Created during a lesson component's setup.
import { onDestroy } from 'svelte'
import type { TrainConfig } from '../../../../shared/config'
import type { LabApi } from '../../../../shared/api'
import { takePendingConfig } from '../navigation.svelte'
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

  constructor(
    api: LabApi,
    kind: C['kind'],
    private readonly fresh: () => C,
    private readonly parse: (value: unknown, path: string) => C,
    /** Keep every weight snapshot (small models only). */
    keepHistory: boolean
  ) {
    const pending = takePendingConfig(kind)
    this.config = pending ? (pending.config as C) : fresh()
    this.session = new RunSession(api, keepHistory)
    onDestroy(() => this.session.dispose())
    // "Train again with these settings" from the library
    if (pending?.start && this.valid) this.train()
  }

  train(): void {
    const c = $state.snapshot(this.config) as C
    this.shown = c
    void this.session.start(c)
  }

  restore(to: C = this.fresh()): void {
    this.config = to
    this.errors = {}
    this.version++
  }
}
