import type { WarmHint } from './engine-hint'
import { ANSWERS_FILE, COVERAGE_FILE, DATASET_FILE, DONE_FILE, rowsFile } from './files'
import { readAhead } from './opfs'

/**
 * Reads, from the entry, what a warm start under the hinted keys will ask for before its first
 * page: the data set's head and its big tables' bytes, and the tables'
 * marker, answers and coverage. The lookups that follow compute their keys as ever and take
 * these only when the keys are the same (see `readAhead`).
 */
export function readWarmAhead(hint: WarmHint): void {
  readAhead([hint.data], DATASET_FILE, 'text')
  for (const table of hint.rows)
    readAhead([hint.data], rowsFile(table), 'bytes')
  const tables = [hint.data, hint.tables]
  readAhead(tables, DONE_FILE)
  readAhead(tables, ANSWERS_FILE, 'text')
  readAhead(tables, COVERAGE_FILE, 'text')
}
