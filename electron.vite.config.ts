import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { Plugin } from 'vite'
import { injectCsp } from './src/shared/csp'

/** Puts the one Content-Security-Policy (src/shared/csp.ts) into index.html's <meta>. */
const csp = (): Plugin => ({ name: 'gradient-lab-csp', transformIndexHtml: { order: 'pre', handler: injectCsp } })

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          engine: resolve(__dirname, 'src/main/engine.ts'),
          // the engine process's worker threads (src/services/threads/pool.ts starts it)
          'threads-worker': resolve(__dirname, 'src/services/threads/worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    },
    plugins: [csp(), svelte()]
  }
})
