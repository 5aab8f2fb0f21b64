import type { TableName } from '../../domain/contract/tables'
import type { Dataset, LoadedFile } from '../dataset/dataset'
import type { LoadIssue } from '../table/issues'
import type { SkippedCounts } from '../table/layout-rows'
import type { FileSlice } from '../table/parquet'
import type { GridSource, TableLoadResult } from '../table/table'

/** What a reader makes of one file: its tables as grids, and file-level problems. */
export interface ReadResult {
  grids: GridSource[]
  encoding?: string
  issues: LoadIssue[]
  /** Plan metadata carried by an exported bundle (its manifest.json). */
  plan?: Dataset['plan']
}

/** A file as the importer receives it. */
export interface InputFile {
  name: string
  bytes: Uint8Array
  /** Read only this part of a Parquet file's rows (another worker reads the rest: slice.ts). */
  slice?: FileSlice
}

/** How a part of a file ended, for joining it to the other part (slice.ts: joinSlices). */
export interface SliceEnd {
  part: 0 | 1
  /** Blank rows at the part's end: the next part's first row decides whether they are skipped separators. */
  trailingBlanks: number
  /** The part ended under a note: the rows after it may be notes too. */
  underNote: boolean
  /** A row was judged by the sums of the rows above it (which only the whole file knows). */
  sumsRead: boolean
}

/** The user's decision for one table: skip it, or read it as `table` with these columns. */
export type MappingChoice
  = | { kind: 'skip' }
    | { kind: 'map', table: TableName, columns?: Record<string, string | null> }

/** Per-file choices are keyed by `gridKey(grid)`; remembered ones by the grid's shape signature. */
export interface ImportChoices {
  byGrid?: Record<string, MappingChoice>
  bySignature?: Record<string, MappingChoice>
}

/** One table found in a file, as the validation report and the mapping step show it. */
export interface GridReport {
  key: string
  fileName: string
  sheet?: string
  /** The header row as written (two-row headers already combined). */
  headers: string[]
  signature: string
  /** Up to five data rows as text, for the mapping step. */
  samples: string[][]
  /** Spreadsheet row of the header (its last row when it spans two). */
  headerRow: number
  /** Spreadsheet rows the header spans. */
  headerRows: { first: number, last: number }
  /** Spreadsheet rows of the first and last record. */
  dataRows?: { first: number, last: number }
  /** The file's labels of the columns that chose the table (when the columns chose it). */
  labels?: string[]
  /** Tables the columns fit equally well; the user must choose. */
  candidates?: TableName[]
  /** Rows under the header that are not records, by kind. */
  skippedRows?: SkippedCounts
  table: TableName | null
  recognisedBy: TableLoadResult['recognisedBy'] | 'mapping' | 'remembered'
  /** Canonical column per source column (null: kept as an extra column). */
  columns: Array<string | null>
  choice: MappingChoice | null
  skipped: boolean
  goodRows: number
  badRows: number
  errors: number
  warnings: number
  /** Unrecognised, or a required column is missing: the user should map it. */
  needsMapping: boolean
}

/** One file after reading and validation. */
export interface FileImport {
  name: string
  size: number
  sha256: string
  encoding?: string
  loadedAt: string
  format: FileFormat
  grids: GridReport[]
  /** One entry per loaded grid (plus one carrying file-level problems), ready for assembleDataset. */
  loaded: LoadedFile[]
  plan?: Dataset['plan']
  /** Present when only a part of the file was read (InputFile.slice). */
  slice?: SliceEnd
}

export type FileFormat = 'delimited' | 'xlsx' | 'docx' | 'json' | 'jsonl' | 'parquet' | 'zip' | 'unknown'

export interface ImportProgress {
  /** 0..1 over all files, weighted by size. */
  fraction: number
  file: string
  phase: 'hash' | 'read' | 'rows'
}
