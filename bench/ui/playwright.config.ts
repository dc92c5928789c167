// The UI benchmarks: the end-to-end setup (a fresh browser host per test, Chromium), run on
// demand by `npm run bench:ui` rather than in `npm test`.
import { defineConfig } from '@playwright/test'
import e2e from '../../playwright.config'

export default defineConfig({
  ...e2e,
  testDir: '.',
  outputDir: process.env.E2E_OUTPUT_DIR || '../../test-results/bench',
  projects: e2e.projects!.filter((p) => p.name === 'browser').map((p) => ({ ...p, testIgnore: undefined }))
})
