import type { FileImport, ImportChoices, ImportProgress } from '../../ingest/import/types'
import type { ImportReply, ImportRequest } from './protocol'
import { isParquet } from '../../ingest/import/formats'
import { joinSlices } from '../../ingest/import/slice'
import { unpackRows } from './packed-rows'
import { shareBytes, shareWork } from './share'

export class ImportCancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

export interface ImportJob {
  result: Promise<FileImport[]>
  /** Stops the job at once (its workers are terminated); `result` rejects with ImportCancelled. */
  cancel: () => void
}

/** One worker reading some of the files; settles with their imports in the order given. */
function readInWorker(request: ImportRequest, onProgress: (p: ImportProgress) => void, live: Set<Worker>): Promise<FileImport[]> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'duban-import' })
  live.add(worker)
  const end = () => {
    live.delete(worker)
    worker.terminate()
  }
  return new Promise<FileImport[]>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ImportReply>) => {
      const m = e.data
      if (m.type === 'progress') {
        onProgress(m.progress)
        return
      }
      end()
      if (m.type === 'error') {
        reject(new Error(m.message))
        return
      }
      // A reply that does not fit its files fails the job rather than leaving it waiting.
      try {
        resolve(unpackRows(m.files, m.packed))
      }
      catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)))
      }
    }
    worker.onerror = (e) => {
      e.preventDefault()
      end()
      reject(new Error(e.message || 'import worker failed'))
    }
    worker.postMessage(request)
  })
}

/**
 * Reads and validates files in fresh workers: two when there are big files to share between
 * them (share.ts), else one; a large Parquet file may be read by both, each a part of its row
 * groups, and its parts joined (or, where a join could differ from one reading, read again
 * whole). The bytes are copied: the caller keeps them for storage. The result is in the
 * files' order, whichever worker read each.
 */
export function startImport(files: ImportRequest['files'], choices: ImportChoices, onProgress: (p: ImportProgress) => void): ImportJob {
  const sizes = files.map(f => f.bytes.byteLength)
  const sliceable = files.map(f => isParquet(f.bytes) && isParquet(f.bytes.subarray(f.bytes.length - 4)))
  const groups = shareWork(sizes, globalThis.navigator?.hardwareConcurrency ?? 1, sliceable)
  const live = new Set<Worker>()
  let cancelled: (() => void) | null = null
  const stopped = new Promise<never>((_, reject) => {
    cancelled = () => reject(new ImportCancelled())
  })
  // Choices may come from reactive state: plain copies clone, proxies do not.
  const shared = JSON.parse(JSON.stringify(choices)) as ImportChoices
  const now = new Date().toISOString()
  // Progress over all files, weighted by size: each worker reports over its own files.
  const bytes = groups.map(g => g.reduce((n, s) => n + shareBytes(s, sizes[s.index]!), 0))
  const total = bytes.reduce((n, b) => n + b, 0) || 1
  const fractions = groups.map(() => 0)
  const reads = groups.map((g, w) => readInWorker({ files: g.map(s => (s.slice ? { ...files[s.index]!, slice: s.slice } : files[s.index]!)), choices: shared, now }, (p) => {
    fractions[w] = p.fraction
    onProgress({ ...p, fraction: fractions.reduce((n, f, k) => n + f * bytes[k]!, 0) / total })
  }, live))
  const stopAll = () => {
    for (const w of live)
      w.terminate()
    live.clear()
  }
  // One worker failing fails the job at once (Promise.all); the others are ended, not waited for.
  const result = Promise.race([Promise.all(reads), stopped])
    .then(async (parts) => {
      if (parts.some((p, w) => p.length !== groups[w]!.length))
        throw new Error('import worker replied for other files than it was given')
      const out: FileImport[] = Array.from({ length: files.length })
      // A shared file's two parts, by file: [part 0, part 1].
      const halves = new Map<number, FileImport[]>()
      groups.forEach((g, w) => g.forEach((s, k) => {
        const read = parts[w]![k]!
        if (!s.slice) {
          out[s.index] = read
          return
        }
        const pair = halves.get(s.index) ?? []
        pair[s.slice.part] = read
        halves.set(s.index, pair)
      }))
      for (const [i, [a, b]] of halves) {
        const joined = a && b ? joinSlices(a, b) : null
        out[i] = joined ?? (await Promise.race([readInWorker({ files: [files[i]!], choices: shared, now }, onProgress, live), stopped]))[0]!
      }
      return out
    })
    .finally(stopAll)
  return { result, cancel: () => {
    stopAll()
    cancelled!()
  } }
}
