import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Typechecks generated strategy modules exactly as a user's editor would: strict, against the
 * real `@tradeloom/runtime` sources. Returns one message per problem, "file:line:col message".
 */
export function typecheckModules(files: Readonly<Record<string, string>>): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
    baseUrl: repoRoot,
    paths: { '@tradeloom/runtime': [join(repoRoot, 'runtime/src/index.ts')] },
  }
  const virtual = new Map(
    Object.entries(files).map(([name, text]) => [join(repoRoot, '.virtual', name), text]),
  )
  const host = ts.createCompilerHost(options)
  const readFile = host.readFile.bind(host)
  const fileExists = host.fileExists.bind(host)
  const getSourceFile = host.getSourceFile.bind(host)
  host.readFile = (name) => virtual.get(name) ?? readFile(name)
  host.fileExists = (name) => virtual.has(name) || fileExists(name)
  host.getSourceFile = (name, language, onError, create) => {
    const text = virtual.get(name)
    return text !== undefined
      ? ts.createSourceFile(name, text, language, true)
      : getSourceFile(name, language, onError, create)
  }
  const program = ts.createProgram([...virtual.keys()], options, host)
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    if (!diagnostic.file || diagnostic.start === undefined) return message
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    return `${diagnostic.file.fileName}:${line + 1}:${character + 1} ${message}`
  })
}
