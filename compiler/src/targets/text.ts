/** User text (labels, names) made safe for a one-line `//` comment in either language. */
export function commentText(text: string): string {
  // Control characters (newlines above all) would end a `//` comment early.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /')
}

/** A double-quoted MQL5 string literal. */
export function mql5String(text: string): string {
  return `"${commentText(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}
