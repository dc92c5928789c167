// Every option the `lab` parser accepts is documented: in docs/cli.md under its command, and in
// the real command's --help with its range and default.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commands, specOf } from '../../src/cli/options'
import { lab } from './lab'

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'cli.md'), 'utf8')

/** The part of docs/cli.md under "### `lab NAME…`", up to the next heading. */
function section(name: string): string {
  const start = doc.indexOf(`### \`lab ${name}`)
  expect(start, `docs/cli.md has no section for lab ${name}`).toBeGreaterThanOrEqual(0)
  const next = doc.slice(start + 4).search(/^#{2,3} /m)
  return next < 0 ? doc.slice(start) : doc.slice(start, start + 4 + next)
}

describe.each(commands())('lab $name', (command) => {
  const spec = specOf(command)
  const accepted = [...spec.values, ...spec.switches].filter((f) => f !== '--help')

  it('has every option it accepts in docs/cli.md, with its range and default', () => {
    const text = section(command.name)
    for (const option of command.options) {
      const row = text.split('\n').find((line) => line.startsWith(`| \`${option.flag} `) || line.startsWith(`| \`${option.flag}\``))
      expect(row, `${option.flag} of lab ${command.name}`).toBeDefined()
      if (option.allowed) expect(row).toContain(option.allowed)
      if (option.fallback) expect(row).toContain(option.fallback)
    }
    for (const flag of accepted) expect(text).toMatch(new RegExp(`\`${flag}[ \`]`))
  })

  it('lists every option it accepts in --help', () => {
    const r = lab([...command.name.split(' '), '--help'])
    expect(r.code).toBe(0)
    for (const flag of accepted) expect(r.stdout).toMatch(new RegExp(`^  ${flag}( |$)`, 'm'))
    for (const option of command.options) if (option.allowed) expect(r.stdout).toContain(option.allowed)
  })
})

describe('lab --help', () => {
  it('names every command; `lab train --help` lists the options of all three models', () => {
    const all = lab(['--help'])
    expect(all.code).toBe(0)
    for (const c of commands()) expect(all.stdout).toContain(`  ${c.name}`)
    const train = lab(['train', '--help'])
    expect(train.code).toBe(0)
    expect(train.stdout).toContain('usage: lab train gate')
    expect(train.stdout).toContain('usage: lab train mnist')
    expect(train.stdout).toMatch(/^ {2}--schedule /m)
  })
})

describe('float seeds', () => {
  it('are refused as numpy refuses them, naming what is allowed', () => {
    const r = lab(['simplenet', '--seed', '1.0', '--no-save', '--json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('lab: --seed must be an integer from 0 to 4294967295 (got "1.0")\n')
  })
})
