import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import type { Plugin } from 'vite'

const VIRTUAL_ID = 'virtual:tradeloom-runtime-dts'
const RESOLVED_ID = `\0${VIRTUAL_ID}`
const RUNTIME_SRC = fileURLToPath(new URL('../runtime/src/', import.meta.url))

/**
 * Emits the runtime's type declarations (what `tsc --declaration` would write) at build time and
 * serves them as `virtual:tradeloom-runtime-dts`: `{ 'index.d.ts': '…', 'engine/strategy.d.ts': … }`.
 * The code editor registers them with Monaco so a strategy taken over as code gets completion
 * and live type errors for `@tradeloom/runtime`. Generated from the source on every build, so
 * they can never drift from the runtime.
 */
export function runtimeDts(): Plugin {
  let cache: string | undefined
  return {
    name: 'tradeloom-runtime-dts',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      cache ??= `export default ${JSON.stringify(emitRuntimeDeclarations())}`
      return cache
    },
    handleHotUpdate({ file }) {
      if (file.startsWith(RUNTIME_SRC)) cache = undefined
    },
  }
}

/** Declarations of runtime/src/index.ts and everything it imports, keyed by relative path. */
export function emitRuntimeDeclarations(): Record<string, string> {
  const options: ts.CompilerOptions = {
    declaration: true,
    emitDeclarationOnly: true,
    noEmit: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    strict: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    rootDir: RUNTIME_SRC,
    outDir: '/dts',
  }
  const program = ts.createProgram([`${RUNTIME_SRC}index.ts`], options)
  const files: Record<string, string> = {}
  const result = program.emit(
    undefined,
    (name, text) => {
      files[name.replace(/^\/dts\//, '')] = text
    },
    undefined,
    true,
  )
  if (result.emitSkipped || !files['index.d.ts']) {
    const problems = ts.formatDiagnostics(result.diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => RUNTIME_SRC,
      getNewLine: () => '\n',
    })
    throw new Error(`Could not emit the runtime's type declarations:\n${problems}`)
  }
  return files
}
