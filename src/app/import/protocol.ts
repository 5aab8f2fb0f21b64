import type { FileImport, ImportChoices, ImportProgress, InputFile, MappingChoice } from '../../ingest/import/types'
import type { PackedRows } from './packed-rows'

export interface ImportRequest {
  files: Array<InputFile & { byGrid?: Record<string, MappingChoice> }>
  choices: ImportChoices
  now: string
}

export type ImportReply
  = | { type: 'progress', progress: ImportProgress }
    /** `files` without their tables' rows, which come packed (packed-rows.ts). */
    | { type: 'done', files: FileImport[], packed: PackedRows[] }
    | { type: 'error', message: string }
