import { homedir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { defaultDbPath, resolveDb } from '../../src/services/paths'

describe('database path', () => {
  it('is the desktop app’s file on each platform', () => {
    expect(defaultDbPath({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux')).toBe('/x/cfg/Gradient Lab/lab.db')
    expect(defaultDbPath({}, 'linux')).toBe(`${homedir()}/.config/Gradient Lab/lab.db`)
    expect(defaultDbPath({}, 'darwin')).toBe(`${homedir()}/Library/Application Support/Gradient Lab/lab.db`)
    expect(defaultDbPath({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toMatch(/^C:\/Users\/a\/AppData\/Roaming[\\/]Gradient Lab[\\/]lab\.db$/)
  })

  it('--db wins over LAB_DB, which wins over the default', () => {
    expect(resolveDb('/a.db', { LAB_DB: '/b.db' })).toEqual({ file: '/a.db', userNamed: true })
    expect(resolveDb(undefined, { LAB_DB: '/b.db' })).toEqual({ file: '/b.db', userNamed: true })
    expect(resolveDb(undefined, { XDG_CONFIG_HOME: '/c' })).toEqual({ file: '/c/Gradient Lab/lab.db', userNamed: false })
    expect(() => resolveDb('', { LAB_DB: '/b.db' })).toThrow('--db needs a file name (got an empty one)')
  })
})
