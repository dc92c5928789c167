// Layer rules: which part of the program may import which. Lower layers never import higher
// ones, and the processes that must stay small or sandboxed import only what they can run:
//   engine   -> nothing outside src/engine (pure TypeScript numerics, runs in every process)
//   shared   -> the engine's types only
//   services -> no Electron (they run in the CLI and the browser host too)
//   renderer -> src/shared and the pure engine; never Node, Electron, services, main, server, cli
//   preload  -> src/shared and electron only (it is sandboxed)
// Only import rules live here: formatting and style are not linted.
import svelte from 'eslint-plugin-svelte'
import tseslint from 'typescript-eslint'

/** Node's built-in modules by bare name, for the layers that must not use Node. */
const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'module', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib']

const layer = (name, message) => ({ group: [`**/${name}`, `**/${name}/**`], message })
const SERVICES = layer('services', 'only the hosts (main, server, cli) use the services')
const MAIN = layer('main', 'src/main is Electron-only; move what others need into src/shared')
const PRELOAD = layer('preload', 'nothing imports the preload')
const RENDERER = layer('renderer', 'nothing imports the renderer')
const CLI = layer('cli', 'nothing imports the lab command')
const SERVER = layer('server', 'nothing imports the browser host')
const SHARED = layer('shared', 'the engine imports nothing outside src/engine')
const NODE = { regex: '^node:', message: 'this layer runs without Node' }
const PACKAGE = { regex: '^(?![.])', message: 'the engine and src/shared import no packages and no Node modules' }
const MATHJS_ONLY = { regex: '^(?![.]|mathjs$)', message: 'src/engine/expr imports mathjs and nothing else outside the engine' }

const restrict = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }]
})

export default [
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.tmp/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin }
  },
  ...svelte.configs['flat/base'],
  {
    files: ['src/**/*.svelte', 'src/**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    plugins: { '@typescript-eslint': tseslint.plugin }
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: restrict([PACKAGE, SHARED, SERVICES, MAIN, PRELOAD, RENDERER, CLI, SERVER])
  },
  // The one exception: src/engine/expr may import mathjs, a pure JavaScript parser (no Node, no
  // DOM, runs in every process), so typed expressions are parsed by a maintained library and
  // never by eval. Only its parser and differentiator are used (src/engine/expr/index.ts).
  {
    files: ['src/engine/expr/**/*.ts'],
    rules: restrict([MATHJS_ONLY, SHARED, SERVICES, MAIN, PRELOAD, RENDERER, CLI, SERVER])
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict([
      PACKAGE,
      { group: ['**/engine', '**/engine/**'], allowTypeImports: true, message: 'src/shared takes only types from the engine (import type)' },
      SERVICES, MAIN, PRELOAD, RENDERER, CLI, SERVER
    ])
  },
  {
    files: ['src/services/**/*.ts'],
    rules: restrict([MAIN, PRELOAD, RENDERER, CLI, SERVER], [{ name: 'electron', message: 'the services run without Electron (CLI, browser host)' }])
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.svelte'],
    rules: restrict(
      [
        NODE, SERVICES, MAIN, PRELOAD, CLI, SERVER,
        { group: ['**/engine/mnist/kernels', '**/engine/mnist/kernels/**'], message: 'the renderer cannot compile WebAssembly (CSP): use predict()' }
      ],
      [
        { name: 'electron', message: 'the renderer speaks only LabApi' },
        { name: 'better-sqlite3', message: 'the renderer speaks only LabApi' },
        { name: 'ws', message: 'the renderer speaks only LabApi' },
        ...NODE_BUILTINS.map((name) => ({ name, message: 'the renderer runs without Node' }))
      ]
    )
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([
      { regex: '^(?![.]|electron$)', message: 'the sandboxed preload imports electron and src/shared only' },
      { regex: '^[.][.]/(?!shared/)', message: 'the sandboxed preload imports electron and src/shared only' }
    ])
  },
  {
    files: ['src/cli/**/*.ts', 'src/server/**/*.ts'],
    rules: restrict([MAIN, PRELOAD, RENDERER], [{ name: 'electron', message: 'the lab command and the browser host run without Electron' }])
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict([PRELOAD, RENDERER, CLI, SERVER])
  }
]
