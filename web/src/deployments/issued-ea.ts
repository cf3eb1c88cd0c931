import type { Attachment } from '../api/accounts'

/**
 * The EA the create call handed over, kept in memory only for this page's life: it holds the
 * deployment's token, which the server never shows again (downloading later re-issues the EA
 * with a new token).
 */
const issued = new Map<string, { fileName: string; source: string }>()

export function rememberIssuedEa(deploymentId: string, ea: { fileName: string; source: string }) {
  issued.set(deploymentId, ea)
}

export function issuedEa(deploymentId: string): { fileName: string; source: string } | undefined {
  return issued.get(deploymentId)
}

/** Saves bytes as a file through a blob URL (nothing leaves the browser). */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // Revoke after the click has been handled; revoking synchronously can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Saves an attachment the server sent. */
export function saveAttachment(file: Attachment): void {
  saveBlob(file.fileName, file.blob)
}

// MetaEditor reads a file without a byte-order mark in the system code page; with it, as UTF-8.
const BOM = '\uFEFF'

/** Saves an EA's source as the .mq5 MetaEditor expects (UTF-8 with a byte-order mark). */
export function saveEa(ea: { fileName: string; source: string }): void {
  const text = ea.source.startsWith(BOM) ? ea.source : BOM + ea.source
  saveBlob(ea.fileName, new Blob([text], { type: 'text/plain;charset=utf-8' }))
}
