/** Saves text as a file through a blob URL, so nothing leaves the browser. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // Revoke after the click has been handled; revoking synchronously can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** "SMA cross" + ".mq5" -> "SMA_cross.mq5": MetaEditor dislikes spaces in file names. */
export function fileName(stem: string, extension: string): string {
  const safe = stem.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '')
  return `${safe || 'strategy'}${extension}`
}
