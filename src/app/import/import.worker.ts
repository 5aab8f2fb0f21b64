// Reading and validating run here, off the main thread: the page keeps answering while a
// large workbook is parsed, and cancelling is terminating this worker.

import type { ImportProgress } from '../../ingest/import/types'
import type { ImportReply, ImportRequest } from './protocol'
import { ingestFiles } from '../../ingest'
import { packRows } from './packed-rows'

const post = (m: ImportReply, transfer: Transferable[] = []) => postMessage(m, { transfer })

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { files, choices, now } = e.data
  let last = 0
  let lastPhase = ''
  const onProgress = (progress: ImportProgress) => {
    // A few updates a second are enough for a progress bar; a new file or phase always shows.
    const t = performance.now()
    const key = `${progress.file}|${progress.phase}`
    if (t - last > 80 || progress.fraction >= 1 || key !== lastPhase) {
      last = t
      lastPhase = key
      post({ type: 'progress', progress })
    }
  }
  try {
    // Only the files go back: the page assembles them with the files it already holds.
    const { files: imported } = await ingestFiles(files, { choices, now: () => now, onProgress })
    const { packed, transfer } = packRows(imported)
    post({ type: 'done', files: imported, packed }, transfer)
  }
  catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }
}
