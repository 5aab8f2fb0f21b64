/**
 * The names of what a warm start saves (README.md), in one small module: the entry reads
 * them ahead (read-ahead.ts) before the code that writes and reads them has loaded.
 */

/** The data set without the rows of its big tables, with its summary; written last of the data set's files. */
export const DATASET_FILE = 'dataset.json'
/** A big table's rows (see `LAZY_ROWS` in head.ts). */
export const rowsFile = (table: string) => `rows-${table}.json`
/** Written last of the tables' files: a folder without it is an unfinished save and never read. */
export const DONE_FILE = 'done.json'
/** The Analysis's `coverageIssues`, which would otherwise read every log row again. */
export const COVERAGE_FILE = 'coverage.json'
/** The metric answers computed from the saved tables (answers.ts): beside them, so they share their key and are pruned with them. */
export const ANSWERS_FILE = 'answers.json'
