import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'
import { ELECTRON_SKIPPED, electronBinary } from './scripts/electron-binary.cjs'

// Said once, by the runner process (workers load this file too and carry TEST_WORKER_INDEX),
// so CI output shows why the desktop-app tests of the Electron project are skipped.
if (!process.env.TEST_WORKER_INDEX && !electronBinary()) console.log(ELECTRON_SKIPPED)

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties this folder when a run starts. Two runs at once in one tree (parallel
  // development) can each pick their own: E2E_OUTPUT_DIR=.tmp/e2e-mine npx playwright test …
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results',
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  // Two cores shared with the engine processes each test spawns.
  workers: 2,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  projects: [
    {
      name: 'browser',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        // Playwright gives every browser a fresh profile; never pass --user-data-dir.
        launchOptions: {
          // Debian's Chromium where installed (these machines); elsewhere Playwright's own (`npx playwright install chromium`)
          executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run'
          ]
        },
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure'
      }
    },
    {
      name: 'electron',
      testMatch: /electron\.spec\.ts/
    }
  ]
})
