import type { FileImport, ImportChoices, ImportProgress } from '../../ingest/import/types'
import type { ImportReply, ImportRequest } from './protocol'
import { unpackRows } from './packed-rows'

export class ImportCancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

export interface ImportJob {
  result: Promise<FileImport[]>
  /** Stops the job at once (the worker is terminated); `result` rejects with ImportCancelled. */
  cancel: () => void
}

/** Reads and validates files in a fresh worker. The bytes are copied: the caller keeps them for storage. */
export function startImport(files: ImportRequest['files'], choices: ImportChoices, onProgress: (p: ImportProgress) => void): ImportJob {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'duban-import' })
  let settle: { resolve: (f: FileImport[]) => void, reject: (e: Error) => void } | null = null
  const result = new Promise<FileImport[]>((resolve, reject) => {
    settle = { resolve, reject }
  })
  const finish = (fn: () => void) => {
    worker.terminate()
    fn()
  }
  worker.onmessage = (e: MessageEvent<ImportReply>) => {
    const m = e.data
    if (m.type === 'progress')
      onProgress(m.progress)
    else if (m.type === 'done')
      finish(() => {
        // A reply that does not fit its files fails the job rather than leaving it waiting.
        try {
          settle!.resolve(unpackRows(m.files, m.packed))
        }
        catch (e) {
          settle!.reject(e instanceof Error ? e : new Error(String(e)))
        }
      })
    else
      finish(() => settle!.reject(new Error(m.message)))
  }
  worker.onerror = (e) => {
    e.preventDefault()
    finish(() => settle!.reject(new Error(e.message || 'import worker failed')))
  }
  // Choices may come from reactive state: plain copies clone, proxies do not.
  const request: ImportRequest = { files, choices: JSON.parse(JSON.stringify(choices)) as ImportChoices, now: new Date().toISOString() }
  worker.postMessage(request)
  return { result, cancel: () => finish(() => settle!.reject(new ImportCancelled())) }
}
