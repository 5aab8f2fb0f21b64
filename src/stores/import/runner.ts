// Reading files in the import worker, with the progress bar's state and one cancellable job.

import type { ImportJob } from '../../app/import/client'
import type { ImportRequest } from '../../app/import/protocol'
import type { FileImport, ImportChoices, ImportProgress } from '../../ingest/import/types'
import { ref } from 'vue'
import { startImport } from '../../app/import/client'

export function useImportRunner() {
  const progress = ref<ImportProgress | null>(null)
  /** The user's import being read (cancellable); a restore runs its own job. */
  let job: ImportJob | null = null

  async function run(files: ImportRequest['files'], choices: ImportChoices, cancellable: boolean): Promise<FileImport[]> {
    progress.value = { fraction: 0, file: files[0]?.name ?? '', phase: 'hash' }
    const j = startImport(files, choices, (p) => {
      progress.value = p
    })
    if (cancellable)
      job = j
    try {
      return await j.result
    }
    finally {
      if (job === j)
        job = null
      progress.value = null
    }
  }

  /** Stops the user's import being read; false when none is. */
  function cancel(): boolean {
    if (!job)
      return false
    job.cancel()
    return true
  }

  return { progress, run, cancel }
}
