// Pictures a page can export as PNG (charts, decision maps, W1 images). A page that offers "PNG of
// any chart" provides a registry; every picture drawn inside it registers its canvas and name while
// it is mounted, so the page lists exactly the pictures on screen without searching the DOM.
import { getContext, setContext, untrack } from 'svelte'

export interface Exportable {
  /** What the picture shows, as its heading or accessible name says. */
  name: string
  canvas: HTMLCanvasElement
}

export interface ExportRegistry {
  readonly items: Exportable[]
}

const KEY = Symbol('exportable pictures')

class Registry implements ExportRegistry {
  items = $state.raw<Exportable[]>([])
  /** Called from a picture's effect: the list is read untracked, so the effect does not rerun on its own write. */
  add(item: Exportable): () => void {
    untrack(() => (this.items = [...this.items, item]))
    return () => untrack(() => (this.items = this.items.filter((i) => i !== item)))
  }
}

/** Call in a component's setup: the pictures rendered below it register here. */
export function provideExports(): ExportRegistry {
  const registry = new Registry()
  setContext(KEY, registry)
  return registry
}

/**
 * Call in a picture's setup: once `canvas()` exists it is registered under `name()` with the
 * nearest registry above (if any), and removed when the picture goes.
 */
export function registerExport(name: () => string, canvas: () => HTMLCanvasElement | undefined): void {
  const registry = getContext<Registry | undefined>(KEY)
  if (!registry) return
  $effect(() => {
    const c = canvas()
    const n = name()
    if (c) return registry.add({ name: n, canvas: c })
  })
}
