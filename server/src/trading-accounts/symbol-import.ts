import type { AccountSymbol, TradingAccountRow } from '@tradeloom/drizzle'
import { parseSymbolCatalogue, SymbolCatalogueFormatError } from '@tradeloom/runtime'
import { z } from 'zod'
import { AppError } from '../errors'
import { sortSymbols } from './dto'
import { symbolName, toAccountSymbol } from './symbol-catalogue'

export const importQuery = z.object({
  /** merge: add and replace by name, keep the rest; replace: the file becomes the catalogue. */
  mode: z.enum(['merge', 'replace']).default('merge'),
})
export type ImportMode = z.infer<typeof importQuery>['mode']

export const importResultSchema = z.object({
  imported: z.number().int(),
  errors: z.array(
    z.object({
      index: z.number().int(),
      name: z.string().nullable(),
      field: z.string().nullable(),
      message: z.string(),
    }),
  ),
  warnings: z.array(z.string()),
})
export type ImportResultDto = z.infer<typeof importResultSchema>

/**
 * Applies an exporter file (`TradeloomSymbolExport.mq5`) to an account's catalogue. Symbols the
 * runtime accepts are imported; each refused one is reported by index, name and field and
 * changes nothing (in `replace` mode its old entry is kept rather than lost). A text that is not
 * an exporter file at all is a 400 `import_failed`, and nothing is saved.
 */
export function importSymbols(
  account: Pick<TradingAccountRow, 'symbols' | 'login' | 'kind'>,
  text: string,
  mode: ImportMode,
): ImportResultDto & { catalogue: AccountSymbol[] } {
  let parsed
  try {
    parsed = parseSymbolCatalogue(text)
  } catch (error) {
    if (error instanceof SymbolCatalogueFormatError) {
      throw new AppError(400, 'import_failed', error.message, undefined, { cause: error })
    }
    throw error
  }
  const errors: ImportResultDto['errors'] = parsed.errors.map((e) => ({
    index: e.index,
    name: e.name ?? null,
    field: e.field ?? null,
    message: e.message,
  }))
  const imported: AccountSymbol[] = []
  for (const spec of parsed.symbols) {
    const name = symbolName.safeParse(spec.name)
    if (name.success) {
      imported.push(toAccountSymbol(spec))
      continue
    }
    errors.push({
      index: rawIndexOf(text, spec.name),
      name: spec.name,
      field: 'name',
      message: `name ${name.error.issues[0]?.message ?? 'is invalid'}`,
    })
  }
  errors.sort((a, b) => a.index - b.index)
  const importedNames = new Set(imported.map((s) => s.name))
  const refusedNames = new Set(errors.map((e) => e.name).filter((n) => n !== null))
  const kept = account.symbols.filter((s) =>
    mode === 'merge'
      ? !importedNames.has(s.name)
      : refusedNames.has(s.name) && !importedNames.has(s.name),
  )
  const warnings: string[] = []
  const login = parsed.account?.login ?? ''
  if (account.kind === 'live' && login !== '' && login !== account.login) {
    warnings.push(
      `The file was exported from account ${login}, this account is ${account.login}: specs can differ between accounts`,
    )
  }
  return {
    imported: imported.length,
    errors,
    warnings,
    catalogue: sortSymbols([...kept, ...imported]),
  }
}

// The runtime names a symbol it accepted only by its spec; find its place in the file's list.
function rawIndexOf(text: string, name: string): number {
  try {
    const root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as {
      symbols: { name?: unknown }[]
    }
    return root.symbols.findIndex(
      (entry) => typeof entry?.name === 'string' && entry.name.trim() === name,
    )
  } catch {
    return -1
  }
}
