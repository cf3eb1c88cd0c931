/** The words to show for a failure: an Error's message (API errors carry the server's), else the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
