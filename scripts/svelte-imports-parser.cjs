// The parser import-x/no-cycle (eslint.config.mjs) reads a .svelte file with when it follows an
// import into one: svelte-eslint-parser nests a component's imports inside its <script> element,
// where import-x does not look, so here the scripts alone are parsed as TypeScript. Everything
// outside <script> is blanked to spaces so that offsets and lines stay those of the file.
const tsParser = require('@typescript-eslint/parser')

const SCRIPT = /(<script\b[^>]*>)([\s\S]*?)(<\/script>)/g

function scriptsOnly(code) {
  let out = ''
  let last = 0
  for (const m of code.matchAll(SCRIPT)) {
    const bodyStart = m.index + m[1].length
    out += blank(code.slice(last, bodyStart)) + m[2]
    last = bodyStart + m[2].length
  }
  return out + blank(code.slice(last))
}

const blank = (text) => text.replace(/[^\n]/g, ' ')

module.exports = {
  meta: { name: 'svelte-imports-parser' },
  parseForESLint: (code, options) => tsParser.parseForESLint(scriptsOnly(code), { ...options, filePath: undefined })
}
