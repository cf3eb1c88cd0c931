/**
 * The `Content-Disposition` of a version's file: `<Strategy_name>_v<n>.<ext>` in ASCII for old
 * clients, and the name as typed (RFC 5987 `filename*`) for the rest.
 */
export function contentDisposition(strategyName: string, version: number, ext: string): string {
  const ascii =
    strategyName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'strategy'
  // Keep every letter, drop only what a file system or a header would choke on.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const unicode = strategyName.replace(/[\\/:*?"<>|\x00-\x1f]+/g, '_').trim() || 'strategy'
  const file = (base: string) => `${base}_v${version}.${ext}`
  return `attachment; filename="${file(ascii)}"; filename*=UTF-8''${encodeURIComponent(file(unicode))}`
}
