import type { Analysis } from '../../metrics/analysis'
import type { AddedYear, WorkCalendar } from '../../domain/calendar'
import type { Dataset } from '../../ingest/dataset/dataset'
import type { RuleSettings } from '../../domain/settings'
import type { SqlFiles } from '../../metrics/sql'
import type { Db } from '../../metrics/db/types'
import type { SavedTable, TableFiles } from '../../engine/table-files'
import type { AnswerFile } from './answers'
import type { LoadIssue } from '../../ingest/table/issues'
import { loadIntoDb } from '../../metrics/prepare'
import { schemaSql } from '../../metrics/schema'
import { timed } from '../../domain/timing'
import { lazyTables, saveDataset } from './dataset-cache'
import { COVERAGE_FILE, DATASET_FILE, DONE_FILE } from './files'
import { inputsKey, tablesKey } from './key'
import { hintWarm } from './engine-hint'
import { markStart } from './marks'
import { listFolders, readFile, readText, removeFolder, writeFile } from './opfs'

/** Data sets, and settings per data set, kept; the least recently saved go first. */
const KEEP = 3

/** As `keyOfTables`, without the build (the build's first page is made before it: key.ts `inputsKey`). */
export function keyOfInputs(settings: RuleSettings, fallbackYear: number, years: readonly AddedYear[], sql: SqlFiles): Promise<string> {
  return inputsKey(settings, fallbackYear, years, sql, schemaSql())
}

export function keyOfTables(settings: RuleSettings, fallbackYear: number, years: readonly AddedYear[], sql: SqlFiles): Promise<string> {
  return tablesKey(settings, fallbackYear, years, sql, schemaSql())
}

/** The coverage issues saved with the tables, or null. */
export async function savedCoverage(dataKey: string, key: string): Promise<LoadIssue[] | null> {
  try {
    const text = await readText([dataKey, key], COVERAGE_FILE)
    return text === null ? null : JSON.parse(text) as LoadIssue[]
  }
  catch {
    return null
  }
}

/** Whether a finished save of the tables for this data set and settings is there. */
export async function hasSavedTables(dataKey: string, key: string): Promise<boolean> {
  return (await readFile([dataKey, key], DONE_FILE)) !== null
}

/**
 * The engine's database with the saved tables back in it; when they do not load (damaged,
 * or from an engine that reads them otherwise) the tables are built as on a first visit —
 * not an error to show, and the same figures.
 */
export async function restoreOrBuild(opening: Promise<Db & TableFiles>, open: () => Promise<Db & TableFiles>, dataKey: string, key: string, ds: Dataset, calendar: WorkCalendar, settings: RuleSettings, fallbackYear: number, sql: SqlFiles): Promise<Db> {
  const saved = await timed('warm-read', () => savedTables(dataKey, key))
  let db = await opening
  if (saved) {
    try {
      await timed('open-warm', () => fillFromSaved(db, saved))
      markStart('restored', 'yes')
      return db
    }
    catch {
      await db.close().catch(() => {})
      db = await open()
    }
  }
  try {
    await timed('open', () => loadIntoDb(db, ds, calendar, settings, fallbackYear, sql))
  }
  catch (e) {
    await db.close().catch(() => {})
    throw e
  }
  markStart('start', 'cold')
  return db
}

/** The tables saved for this data set and settings, or null (nothing saved, or unreadable). */
export async function savedTables(dataKey: string, key: string): Promise<SavedTable[] | null> {
  try {
    const done = await readFile([dataKey, key], DONE_FILE)
    if (!done)
      return null
    const names = JSON.parse(await done.text()) as string[]
    const out: SavedTable[] = []
    for (const table of names) {
      const file = await readFile([dataKey, key], `${table}.arrow`)
      if (!file)
        return null
      out.push({ table, arrow: new Uint8Array(await file.arrayBuffer()) })
    }
    return out
  }
  catch {
    return null
  }
}

/** The schema as the app creates it, then the saved rows into it. */
export async function fillFromSaved(db: Db & TableFiles, tables: readonly SavedTable[]): Promise<void> {
  await db.exec(schemaSql())
  await db.loadTables(tables)
}

/**
 * Saves the data set and its engine's tables once the page is idle, so the save never
 * delays the first chart. Only tables built with `settings` are saved under their key: if
 * the settings have changed by then, nothing is (one turn of the engine's queue copies all
 * tables, so a rebuild cannot land halfway through the copy).
 */
export function saveWhenIdle(a: Analysis, db: Db & TableFiles, dataKey: string, key: string, settings: RuleSettings, answers: AnswerFile | null): void {
  // By value: the settings store may change its object in place.
  const built = JSON.stringify(settings)
  const run = async () => {
    // The logs may still be going in (Analysis.openInParts): only whole tables are saved.
    await a.ready()
    // Checked and the copy queued in the same turn, so no rebuild can come between.
    if (JSON.stringify(a.currentSettings) !== built)
      return
    markStart('saved', 'saving')
    const tables = await timed('warm-save', async () => {
      const saved = await db.saveTables()
      await saveDataset(dataKey, a.dataset)
      for (const t of saved)
        await writeFile([dataKey, key], `${t.table}.arrow`, t.arrow)
      return saved
    })
    await writeFile([dataKey, key], COVERAGE_FILE, JSON.stringify(a.coverageIssues))
    await writeFile([dataKey, key], DONE_FILE, JSON.stringify(tables.map(t => t.table)))
    // The first page's answers (asked before the copy, so in by now) are there for the next visit too.
    await answers?.flush()
    markStart('saved', 'yes')
    hintWarm({ data: dataKey, tables: key, rows: lazyTables(a.dataset) })
    await prune([], DATASET_FILE, dataKey)
    await prune([dataKey], DONE_FILE, key)
  }
  const later = () => void run().catch((e: unknown) => {
    // Not the user's concern (the next visit starts cold), but visible to whoever looks.
    console.warn('warm start: not saved', e)
    markStart('saved', 'failed')
  })
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => void }).requestIdleCallback
  setTimeout(() => (idle ? idle(later, { timeout: 5000 }) : later()), 1000)
}

async function prune(path: string[], marker: string, keep: string): Promise<void> {
  const all = (await listFolders(path, marker)).filter(f => f.name !== keep).sort((x, y) => y.written - x.written)
  for (const old of all.slice(KEEP - 1))
    await removeFolder(path, old.name)
}
