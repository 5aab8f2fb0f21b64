import type { FileImport, ImportChoices, ImportProgress, InputFile, MappingChoice } from '../../ingest/import/types'

export interface ImportRequest {
  files: Array<InputFile & { byGrid?: Record<string, MappingChoice> }>
  choices: ImportChoices
  now: string
}

export type ImportReply
  = | { type: 'progress', progress: ImportProgress }
    | { type: 'done', files: FileImport[] }
    | { type: 'error', message: string }
