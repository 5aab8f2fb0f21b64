import type { Analysis } from '../metrics/analysis'
import type { Dataset } from '../ingest/dataset/dataset'
import type { LoadIssue } from '../ingest/table/issues'
import type { DataSpan } from '../ingest/dataset/span'
import type { MetricsQuery } from '../metrics/review'
import type { RuleSettings } from '../domain/settings'
import type { DatasetSummary } from './dataset-summary'
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { BudgetMessage } from '../app/budget'
import { BudgetExceeded, currentBudget } from '../app/budget'
import { loadEmbeddedDataset } from '../app/embedded'
import { openAnalysis, preloadAnalysis } from '../app/engine'
import { rowsPending, whenRowsRead } from '../app/warm-start/dataset-cache'
import { chinaToday } from '../domain/dates'
import { capSpan, planYearOf } from '../ingest/dataset/span'
import { timed } from '../domain/timing'
import { summarize } from './dataset-summary'
import { useCalendarStore } from './calendar'
import { useSettingsStore } from './settings'

/**
 * Lets browser tests read the full metrics JSON the worker adapter computes, to compare it
 * with the command line's field by field, the benchmark read the engine's memory in use
 * (DuckDB's own count, in bytes), and the warm-start test compare the data set it restored
 * with the one decoded (a SHA-256 of all of it, summary included: no data leaves the page).
 * Read-only, on data already in this tab.
 */
function exposeForTests(a: Analysis, about: DatasetSummary) {
  (globalThis as { __duban?: unknown }).__duban = {
    metrics: (q: MetricsQuery) => a.metrics(q),
    // `sameFiles`: when each file was loaded left out, to compare two visits that each read the files.
    datasetSha: async (sameFiles = false) => {
      await whenRowsRead(a.dataset)
      const text = JSON.stringify([a.dataset, about], (k, v: unknown) => (sameFiles && k === 'loadedAt' ? undefined : v))
      return [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map(b => b.toString(16).padStart(2, '0')).join('')
    },
    memory: async () => Number((await a.db.query('SELECT CAST(sum(memory_usage_bytes) AS DOUBLE) AS b FROM duckdb_memory()'))[0]?.b ?? 0),
  }
}

/**
 * A copy of the settings as they are now. The settings page edits the store's object in place;
 * handing the Analysis that object would let it see every edit before it is told, so it could
 * never tell which limits changed and rebuild them.
 */
function snapshot(rules: RuleSettings): RuleSettings {
  return JSON.parse(JSON.stringify(rules)) as RuleSettings
}

export type LoadPhase = 'idle' | 'engine' | 'data' | 'ready' | 'error'

/**
 * The loaded data set and the analysis built on it, under the rule settings of the settings
 * store (given here and only here). Only inputs and their state live here; figures are
 * computed by composables that read `analysis` and ask again when `version` moves.
 */
export const useDatasetStore = defineStore('dataset', () => {
  const phase = ref<LoadPhase>('idle')
  const error = ref<string | null>(null)
  /** The last load the size guard refused, for a message in the user's language. */
  const refusal = shallowRef<BudgetMessage | null>(null)
  const datasetId = ref<string | null>(null)
  /** The review date with no month and no date set: the data's last day (dataSpan). */
  const defaultAsOf = ref<string | null>(null)
  /** The days the data covers: the months a review can choose and the default review date. */
  const span = shallowRef<DataSpan | null>(null)
  const dataset = shallowRef<Dataset | null>(null)
  /** The figures are on screen but the data set's rows are still decoding (the build's first page). */
  const rowsLoading = ref(false)
  /** What the frame shows of its rows (days, freshness, filter values): see dataset-summary.ts. */
  const summary = shallowRef<DatasetSummary | null>(null)
  const analysis = shallowRef<Analysis | null>(null)
  const issues = shallowRef<LoadIssue[]>([])
  const version = ref(0)
  let loading: Promise<void> | null = null
  let loadingId: string | null = null
  // Loads can overlap (a quick switch of data set); only the newest request may take the screen.
  let ticket = 0

  // The one place the rule settings reach the Analysis. Readers (composables, pages, the
  // bulletin) only read: the Analysis answers every read after the change is in force, and
  // `version` moves once it is, so whatever shows figures asks again.
  const settings = useSettingsStore()
  watch(() => settings.rules, (rules) => {
    const a = analysis.value
    if (!a)
      return
    a.updateSettings(snapshot(rules))
      // A failed rebuild reaches the readers through their queries (the Analysis fails them).
      .catch(() => undefined)
      .finally(() => {
        if (analysis.value === a)
          version.value++
      })
  }, { deep: true })

  function loadEmbedded(id: string) {
    return load(id, async () => {
      // Measured before parsing: a data set over the budget throws and the shown one stays.
      const e = await loadEmbeddedDataset(id, currentBudget())
      return { dataset: e.dataset, asOf: e.asOf, summary: e.summary }
    })
  }

  /**
   * Loads a data set from any source (embedded, imported, restored). Concurrent calls for the
   * same id share one load; a failed load leaves the previous data set exactly as it was.
   */
  async function load(id: string, source: () => Promise<{ dataset: Dataset, asOf: string | null, summary?: DatasetSummary | null }>, again = false) {
    if (datasetId.value === id && analysis.value && !again) {
      // The data on screen being built again (reopen): that build is the one to wait for.
      if (loading && loadingId === id)
        return loading
      // Back to what is on screen: whatever is still loading must not replace it.
      ticket++
      loading = null
      return
    }
    if (loading && loadingId === id && !again)
      return loading
    loadingId = id
    const mine = ++ticket
    loading = (async () => {
      try {
        error.value = null
        refusal.value = null
        phase.value = 'data'
        preloadAnalysis()
        const embedded = await timed('dataset', source)
        phase.value = 'engine'
        const today = chinaToday()
        // Saved with a warm start's data set, whose logs are then not read for the first page.
        const about = embedded.summary ?? summarize(embedded.dataset)
        // The years the user added (设置 → 节假日安排) go into every calendar, here and only here.
        const next = await timed('analysis', () => openAnalysis(embedded.dataset, snapshot(settings.rules), planYearOf(about.span, today), useCalendarStore().years))
        if (mine !== ticket) {
          await next.db.close()
          return
        }
        // Settings changed while it was being built: it answers under the ones in force now.
        // (Only then: a warm start's Analysis is handed out before its tables are back, and
        // a change would wait for them — and stop it answering from what was saved.)
        const now = snapshot(settings.rules)
        if (JSON.stringify(now) !== JSON.stringify(next.currentSettings))
          await next.updateSettings(now)
        if (mine !== ticket) {
          await next.db.close()
          return
        }
        // A failed load leaves the previous data set in place; only success swaps it.
        const previous = analysis.value
        // The build's first page draws before the files are decoded: whatever reads the rows
        // (the data page, the ledger's suggestions) sees the data set once they are.
        const ds = embedded.dataset
        rowsLoading.value = rowsPending(ds)
        dataset.value = rowsLoading.value ? null : ds
        if (!dataset.value) {
          const shown = () => analysis.value === next
          whenRowsRead(ds).then(() => (shown() ? (dataset.value = ds) : undefined), () => {}).finally(() => (shown() ? (rowsLoading.value = false) : undefined))
        }
        summary.value = about
        analysis.value = next
        issues.value = [...embedded.dataset.issues, ...next.coverageIssues]
        datasetId.value = id
        span.value = capSpan(about.span, today)
        defaultAsOf.value = span.value?.last ?? embedded.asOf
        exposeForTests(next, about)
        version.value++
        phase.value = 'ready'
        if (previous)
          await previous.db.close()
      }
      catch (e) {
        if (mine !== ticket)
          return
        error.value = e instanceof Error ? e.message : String(e)
        refusal.value = e instanceof BudgetExceeded ? e.detail : null
        phase.value = analysis.value ? 'ready' : 'error'
      }
      finally {
        if (mine === ticket)
          loading = null
      }
    })()
    return loading
  }

  /** Builds the analysis of the data on screen again, e.g. after a year of holidays was added or removed. */
  async function reopen() {
    // A load under way was started with the calendar as it was: let it finish, then redo it.
    if (loading)
      await loading
    // The data set on screen, also while the build's first page is showing (its rows decoding).
    const ds = dataset.value ?? analysis.value?.dataset
    if (!ds || !datasetId.value)
      return
    const asOf = defaultAsOf.value
    const about = summary.value
    return load(datasetId.value, async () => ({ dataset: ds, asOf, summary: about }), true)
  }

  return { phase, error, refusal, datasetId, defaultAsOf, span, dataset, rowsLoading, summary, analysis, issues, version, loadEmbedded, load, reopen }
})
