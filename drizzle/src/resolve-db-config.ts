import path from 'node:path'

/** Where the database lives, decided once at start. */
export type DbConfig =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dataDir: string }

export interface CreateDbOptions {
  /** A PostgreSQL connection string. Wins over everything else. */
  readonly url?: string
  /**
   * PGlite data folder (or `memory://` for a throw-away database). Passing it explicitly asks for
   * PGlite even when `DATABASE_URL` is set, which the tests rely on.
   */
  readonly dataDir?: string
}

/** The PGlite folder used when neither `dataDir` nor `TRADELOOM_DATA_DIR` says otherwise. */
export const DEFAULT_DATA_DIR = './.tradeloom/db'

/**
 * Decides between PGlite and PostgreSQL: explicit options first, then `DATABASE_URL`, then
 * PGlite in `TRADELOOM_DATA_DIR` or `./.tradeloom/db`, resolved against the process's cwd.
 */
export function resolveDbConfig(
  options: CreateDbOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): DbConfig {
  const url =
    nonEmpty(options.url) ??
    (options.dataDir === undefined ? nonEmpty(env.DATABASE_URL) : undefined)
  if (url !== undefined) return { kind: 'postgres', url }
  const dataDir = nonEmpty(options.dataDir) ?? nonEmpty(env.TRADELOOM_DATA_DIR) ?? DEFAULT_DATA_DIR
  if (dataDir.startsWith('memory://')) return { kind: 'pglite', dataDir }
  return { kind: 'pglite', dataDir: path.resolve(cwd, dataDir) }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}
