// The one way file bytes become a data set: the embedded data, the import worker, the
// command line (node/load-dir.ts) and the tests all come through ingestFiles.

import type { Dataset } from './dataset/dataset'
import type { Refusal } from './import/describe'
import type { ImportOptions } from './import/run'
import type { FileImport, ImportProgress, InputFile, MappingChoice } from './import/types'
import { datasetOf } from './import/assemble'
import { refusals } from './import/describe'
import { importFile } from './import/run'

/** A file's name and bytes; a stored file may carry the mapping that decided it. */
export interface NamedBytes extends InputFile {
  byGrid?: Record<string, MappingChoice>
}

export interface IngestOptions extends ImportOptions {
  /** Plan metadata beside the files (plan.json, dataset.json): wins over what files carry. */
  plan?: Dataset['plan']
  /** Files refused for figures (describe.ts: refusals) are left out of the data set whole. */
  skipUnreadable?: boolean
  /** Progress over all files, weighted by size. */
  onProgress?: (p: ImportProgress) => void
}

export interface Ingested {
  /** Each file as read and validated: its tables' reports, for the mapping step and `duban validate`. */
  files: FileImport[]
  /** Files whose figures could not be trusted, by name (always listed, left out only with skipUnreadable). */
  refused: Refusal[]
  /**
   * The data set with every issue. Assembled when first read: the import worker hands only
   * `files` back, and the page assembles them with the files it already holds.
   */
  readonly dataset: Dataset
}

/**
 * Several files in order (earlier files' rows win duplicate ids). A file's own choices win
 * over the shared ones. Never throws on content: a damaged file is an issue naming it.
 */
export async function ingestFiles(inputs: NamedBytes[], opts: IngestOptions = {}): Promise<Ingested> {
  const { plan, skipUnreadable, onProgress, ...importOpts } = opts
  // Slices exist for the progress bar; without one a table is validated in one go (same result).
  const chunkRows = importOpts.chunkRows ?? (onProgress ? undefined : Number.POSITIVE_INFINITY)
  const total = inputs.reduce((n, f) => n + f.bytes.byteLength, 0) || 1
  let done = 0
  const files: FileImport[] = []
  for (const input of inputs) {
    const size = input.bytes.byteLength
    const before = done
    const choices = input.byGrid ? { ...importOpts.choices, byGrid: { ...importOpts.choices?.byGrid, ...input.byGrid } } : importOpts.choices
    const fileOpts: ImportOptions = { ...importOpts, ...(choices ? { choices } : {}), ...(chunkRows !== undefined ? { chunkRows } : {}) }
    files.push(await importFile({ name: input.name, bytes: input.bytes, ...(input.slice ? { slice: input.slice } : {}) }, fileOpts, (fraction, phase) => onProgress?.({ fraction: (before + fraction * size) / total, file: input.name, phase })))
    done += size
  }
  const refused = refusals(files)
  const left = skipUnreadable ? new Set(refused.map(r => r.file)) : new Set<string>()
  let dataset: Dataset | undefined
  return {
    files,
    refused,
    get dataset() {
      dataset ??= datasetOf(files, plan, left)
      return dataset
    },
  }
}
