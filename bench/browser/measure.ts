// The browser part: the built app in headless Chromium. Initial JavaScript, navigation to the
// first chart (cold, then warm with the compiled-WASM cache), filter latency, memory, and
// loading the bench's generated data sets through the app's own import page.

import type { BrowserContext, Page } from 'playwright-core'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { filterStates } from '../node/filters'
import { median, percentile } from '../lib/stats'
import { serveStatic } from './serve'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface JsFile { name: string, bytes: number, gzip: number }

export interface InitialJs {
  /** The entry script and its modulepreloads: what runs before anything lazy. */
  initial: JsFile[]
  initialGzip: number
  /** The engine: its client chunk, workers and .wasm, none of them in the initial set. */
  engine: JsFile[]
  engineLazy: boolean
  /** Every JavaScript file the cold navigation to the first chart fetched, engine excluded. */
  beforeChart: JsFile[]
  beforeChartGzip: number
}

export interface Navigation {
  /** Milliseconds from navigation start. */
  firstKpi: number | null
  firstChart: number | null
  /** How the app started: 'warm' (tables saved in OPFS by an earlier visit), 'cold', or null. */
  start: string | null
}

export interface FilterRun {
  dataset: string
  rows: number
  page: string
  changes: number
  p50: number
  p95: number
  max: number
  runs: number[]
}

export interface MemorySample {
  at: string
  jsHeapUsed: number | null
  /** Resident memory of the tab's renderer process (JavaScript, DuckDB-WASM's linear memory, DOM). */
  rendererRss: number | null
  /** DuckDB's own count of memory in use, when the page exposes it. */
  duckdb: number | null
}

export interface ImportRun {
  label: string
  rows: number
  bytes: number
  /**
   * Milliseconds from choosing the files to the validation report, from "load" to the first
   * chart (the schedule's, drawn before the logs are in), and from "load" to every figure
   * (the logs, facts and aggregates in: the review's figures answered).
   */
  validate: number | null
  load: number | null
  whole?: number | null
  /**
   * The same folder to the validation report in a profile of its own, into an empty data set:
   * the demo's overview opened first (as a person opens the app), then the data page. The
   * bench's own sequence imports the larger folders on top of the smaller ones.
   */
  validateEmpty?: number | null
  error: string | null
}

export interface BrowserResult {
  chromium: string
  dist: string
  initialJs: InitialJs
  /**
   * `cold`: a first visit (a fresh profile), drawn from the build's first page of the demo
   * (src/app/prerender/); `coldEngine`: the same with that page refused, so the first chart
   * waits for the engine — what any other view or data set costs on a first visit.
   */
  navigation: { cold: Navigation, coldEngine?: Navigation, warm: Navigation[] }
  filters: FilterRun[]
  imports: ImportRun[]
  memory: MemorySample[]
  notes: string[]
}

export interface BrowserOptions {
  dist: string
  changes: number
  pages: string[]
  /** Warm navigations after the cold one (default 2). */
  warm?: number
  /** Milliseconds each import step may take (default 15 min). */
  importTimeout?: number
  /** Generated folders to import through the data page, largest last. */
  imports: Array<{ label: string, dir: string, rows: number }>
  log: (s: string) => void
}

const ENGINE = /duckdb|browser-worker|\.wasm$/

function jsFile(dist: string, name: string): JsFile {
  const buf = readFileSync(join(dist, 'assets', name))
  return { name, bytes: buf.byteLength, gzip: gzipSync(buf).byteLength }
}

/** Entry + modulepreload chunks from index.html, and the engine's files from the assets folder. */
export function initialJs(dist: string): Omit<InitialJs, 'beforeChart' | 'beforeChartGzip'> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const names = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/assets\/([^"]+\.js)"/g)].map(m => m[1]!)
  const initial = names.map(n => jsFile(dist, n))
  const engine = readdirSync(join(dist, 'assets')).filter(n => ENGINE.test(n)).map(n => jsFile(dist, n))
  return {
    initial,
    initialGzip: initial.reduce((s, f) => s + f.gzip, 0),
    engine,
    engineLazy: !initial.some(f => ENGINE.test(f.name)),
  }
}

// Runs in the page before the app: marks the first KPI and the first drawn chart, and counts
// DuckDB requests in flight to the engine's worker, so a filter change can be timed from the
// URL change to the frame after the last answer arrives.
export const INIT = `(() => {
  const b = window.__bench = { firstKpi: null, firstChart: null, pending: new Set(), posts: 0, lastAnswer: 0, paintAfterAnswer: 0 }
  new MutationObserver(() => {
    if (b.firstKpi === null && document.querySelector('[data-testid^=kpi-] b, [data-testid^=kpi-] .rate, [data-testid=kpi-overdue]')) b.firstKpi = performance.now()
    if (b.firstChart === null && document.querySelector('[data-testid=echart] svg path')) b.firstChart = performance.now()
  }).observe(document, { subtree: true, childList: true })
  const W = window.Worker
  window.Worker = class extends W {
    constructor(url, opts) {
      super(url, opts)
      this.addEventListener('message', (e) => {
        const d = e.data
        if (d && d.type !== 'LOG' && b.pending.delete(d.requestId)) {
          b.lastAnswer = performance.now()
          requestAnimationFrame(() => { b.paintAfterAnswer = performance.now() })
        }
      })
    }
    postMessage(m, t) {
      if (m && typeof m === 'object' && 'messageId' in m && 'type' in m) { b.pending.add(m.messageId); b.posts++ }
      return super.postMessage(m, t)
    }
  }
})()`

interface Bench { firstKpi: number | null, firstChart: number | null, pending: Set<number>, posts: number, lastAnswer: number, paintAfterAnswer: number }
type BenchWindow = Window & { __bench: Bench, __duban?: { memory?: () => Promise<number> } }

async function launch(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    // A tab that is not in front gets no animation frames and throttled timers: the timing
    // below waits for a frame, so background throttling is off.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  })
  await context.addInitScript(INIT)
  return context
}

async function navigate(page: Page, url: string, timeout = 120_000): Promise<Navigation> {
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.firstChart !== null, null, { timeout })
  return page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench
    return { firstKpi: b.firstKpi, firstChart: b.firstChart, start: document.documentElement.getAttribute('data-duban-start') }
  })
}

/** Waits until the app has saved (or failed to save) its tables for a warm start; no timing taken. */
async function warmSaved(page: Page, timeout = 120_000): Promise<string | null> {
  await page.waitForFunction(() => ['yes', 'failed'].includes(document.documentElement.getAttribute('data-duban-saved') ?? ''), null, { timeout }).catch(() => {})
  return page.evaluate(() => document.documentElement.getAttribute('data-duban-saved'))
}

/**
 * One filter change: the URL's query changes (as the filter bar does), the page's queries run
 * in the worker; done when no request is in flight for 150 ms. The time is to the first frame
 * after the last answer, i.e. when the re-rendered page can be painted.
 */
async function filterChange(page: Page, hash: string): Promise<number> {
  return page.evaluate(async (h) => {
    const b = (window as unknown as BenchWindow).__bench
    const postsBefore = b.posts
    const t0 = performance.now()
    location.hash = h
    const deadline = t0 + 120_000
    while (performance.now() < deadline) {
      await new Promise(r => setTimeout(r, 25))
      const quiet = b.pending.size === 0 && performance.now() - Math.max(b.lastAnswer, t0) > 150
      if (quiet && b.posts > postsBefore && b.paintAfterAnswer >= b.lastAnswer)
        return b.paintAfterAnswer - t0
      if (quiet && b.posts === postsBefore && performance.now() - t0 > 1000)
        return Number.NaN
    }
    return Number.NaN
  }, hash)
}

/** The review's departments as the page offers them, busiest first (from the engine, through the test hook). */
async function departments(page: Page, asOf: string): Promise<string[]> {
  return page.evaluate(async (d) => {
    const h = (window as unknown as { __duban: { metrics: (q: { asOf: string }) => Promise<{ applications: { by_dept: Array<{ dept: string, total: number }> }, evaluations: { by_dept: Array<{ dept: string, total: number }> } }> } }).__duban
    const m = await h.metrics({ asOf: d })
    const rows = m.applications.by_dept.length ? m.applications.by_dept : m.evaluations.by_dept
    return [...rows].sort((a, b) => b.total - a.total).map(r => r.dept)
  }, asOf)
}

async function runFilters(page: Page, dataset: string, rows: number, path: string, n: number, depts: string[]): Promise<FilterRun> {
  await page.bringToFront()
  const runs: number[] = []
  for (const f of filterStates(depts, n)) {
    const q = new URLSearchParams({ data: dataset })
    if (f.dept)
      q.set('dept', f.dept)
    if (f.month)
      q.set('month', f.month)
    runs.push(await filterChange(page, `#${path}?${q}`))
  }
  const ok = runs.filter(x => !Number.isNaN(x))
  return { dataset, rows, page: path, changes: ok.length, p50: median(ok), p95: percentile(ok, 95), max: Math.max(...ok), runs }
}

/** Resident memory of the renderer processes started for `profile` (Linux /proc), in bytes. */
function rendererRss(profile: string): number | null {
  try {
    const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 })
    const procs = ps.split('\n').filter(Boolean).map((l) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l)!
      return { pid: Number(m[1]), ppid: Number(m[2]), rss: Number(m[3]) * 1024, args: m[4]! }
    })
    const root = procs.find(p => p.args.includes(profile) && !p.args.includes('--type='))
    if (!root)
      return null
    const tree = new Set([root.pid])
    for (let changed = true; changed;) {
      changed = false
      for (const p of procs) {
        if (tree.has(p.ppid) && !tree.has(p.pid)) {
          tree.add(p.pid)
          changed = true
        }
      }
    }
    return procs.filter(p => tree.has(p.pid) && p.args.includes('--type=renderer')).reduce((s, p) => s + p.rss, 0)
  }
  catch {
    return null
  }
}

async function memory(page: Page, profile: string, at: string): Promise<MemorySample> {
  const cdp = await page.context().newCDPSession(page)
  let jsHeapUsed: number | null = null
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    jsHeapUsed = (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  catch {
    // Not every build answers; the renderer's resident memory still does.
  }
  await cdp.detach()
  const duckdb = await page.evaluate(async () => {
    const h = (window as unknown as BenchWindow).__duban
    return h?.memory ? h.memory() : null
  })
  return { at, jsHeapUsed, rendererRss: rendererRss(profile), duckdb }
}

/** Milliseconds from choosing the folder's files on the data page to the validation report. */
async function chooseFolder(page: Page, base: string, dir: string, timeout: number): Promise<number> {
  const files = readdirSync(dir).filter(f => /\.(?:parquet|csv)$/.test(f)).sort().map(f => join(dir, f))
  await page.goto(`${base}#/data`)
  await page.getByTestId('import-drop').waitFor({ timeout: 60_000 })
  const t = Date.now()
  await page.getByTestId('import-input').setInputFiles(files)
  await page.getByTestId('import-report').waitFor({ timeout })
  return Date.now() - t
}

/** ImportRun.validateEmpty: a profile of its own, the demo's overview first, then the folder chosen. */
async function importIntoEmpty(base: string, dir: string, timeout: number): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'duban-bench-'))
  const context = await launch(profile)
  try {
    const page = context.pages()[0] ?? await context.newPage()
    await page.goto(`${base}#/?data=demo`)
    await page.locator('[data-testid=echart] svg path').first().waitFor({ timeout: 120_000, state: 'attached' })
    // The first visit's saving and the engine's start are over, as when a person turns to the data page.
    await page.waitForTimeout(3000)
    return await chooseFolder(page, base, dir, timeout)
  }
  finally {
    await context.close().catch(() => {})
    rmSync(profile, { recursive: true, force: true })
  }
}

async function importFolder(page: Page, base: string, dir: string, timeout: number, log: (s: string) => void): Promise<{ validate: number, load: number }> {
  const validate = await chooseFolder(page, base, dir, timeout)
  log(`validation report after ${(validate / 1000).toFixed(1)} s; loading …`)
  const t = Date.now()
  await page.getByTestId('import-load').click()
  await page.getByTestId('notice-imported').waitFor({ timeout })
  log(`loaded after ${((Date.now() - t) / 1000).toFixed(1)} s; to the overview …`)
  await page.goto(`${base}#/?data=user`)
  try {
    await page.locator('[data-testid=echart] svg path').first().waitFor({ timeout, state: 'attached' })
  }
  catch (e) {
    await page.screenshot({ path: 'bench/out/import-failure.png' }).catch(() => {})
    throw new Error(`no chart after the import: ${(await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300)} (${String(e).split('\n')[0]})`, { cause: e })
  }
  return { validate, load: Date.now() - t }
}

export async function measureBrowser(o: BrowserOptions): Promise<BrowserResult> {
  const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()
  const notes: string[] = []
  const server = await serveStatic(o.dist)
  const profile = mkdtempSync(join(tmpdir(), 'duban-bench-'))
  const context = await launch(profile)
  const requested: string[] = []
  context.on('request', r => requested.push(new URL(r.url()).pathname))
  try {
    const demo = `${server.url}#/?data=demo`
    // First, in a profile of its own, so nothing else runs meanwhile.
    o.log('browser: cold navigation without the build\'s first page …')
    const bare = mkdtempSync(join(tmpdir(), 'duban-bench-'))
    const bareContext = await launch(bare)
    await bareContext.route(/prerender-/, r => r.abort())
    const coldEngine = await navigate(bareContext.pages()[0] ?? await bareContext.newPage(), demo)
    await bareContext.close()
    rmSync(bare, { recursive: true, force: true })
    o.log(`browser: cold, engine only: first chart ${Math.round(coldEngine.firstChart ?? -1)} ms, started ${coldEngine.start ?? '?'}`)
    o.log('browser: cold navigation …')
    const page = context.pages()[0] ?? await context.newPage()
    const cold = await navigate(page, demo)
    const js = initialJs(o.dist)
    const fetchedJs = [...new Set(requested.filter(p => p.startsWith('/assets/') && p.endsWith('.js')).map(p => p.slice('/assets/'.length)))]
    const beforeChart = fetchedJs.filter(n => !ENGINE.test(n)).map(n => jsFile(o.dist, n))
    // Memory once the page is whole (the logs go in after the first chart): the review's figures answered.
    const asOf = '2024-12-31'
    const depts = await departments(page, asOf)
    const memorySamples: MemorySample[] = [await memory(page, profile, 'demo (50k applications), overview')]

    // A second visit starts warm only once the first has saved its tables (when the page is idle).
    const saved = await warmSaved(page)
    o.log(`browser: warm navigations (tables saved by the cold visit: ${saved ?? 'no'}) …`)
    const warm: Navigation[] = []
    for (let i = 0; i < (o.warm ?? 2); i++) {
      const p = await context.newPage()
      warm.push(await navigate(p, demo))
      o.log(`browser: warm navigation ${i + 1}: first chart ${Math.round(warm[i]!.firstChart ?? -1)} ms, started ${warm[i]!.start ?? '?'}`)
      await p.close()
    }

    const filters: FilterRun[] = []
    for (const path of o.pages) {
      o.log(`browser: ${o.changes} filter changes on ${path} (demo) …`)
      await page.goto(`${server.url}#${path}?data=demo`)
      await page.locator('[data-testid=echart] svg path').first().waitFor({ timeout: 120_000, state: 'attached' }).catch(() => {})
      filters.push(await runFilters(page, 'demo', 50_000, path, o.changes, depts))
    }

    // One tab at a time: the memory read below is then the imported data set's alone.
    await page.close()
    const imports: ImportRun[] = []
    for (const imp of o.imports) {
      o.log(`browser: importing ${imp.label} through the data page …`)
      const run: ImportRun = { label: imp.label, rows: imp.rows, bytes: readdirSync(imp.dir).filter(f => /\.(?:parquet|csv)$/.test(f)).reduce((s, f) => s + readFileSync(join(imp.dir, f)).byteLength, 0), validate: null, load: null, error: null }
      imports.push(run)
      const p = await context.newPage()
      try {
        const r = await importFolder(p, server.url, imp.dir, o.importTimeout ?? 900_000, s => o.log(`  ${s}`))
        run.validate = r.validate
        run.load = r.load
        // The first chart is the schedule's; the logs' figures follow (Analysis.openInParts).
        const t0 = Date.now()
        const d = await departments(p, asOf)
        run.whole = r.load === null ? null : r.load + (Date.now() - t0)
        o.log(`  every figure after ${((run.whole ?? 0) / 1000).toFixed(1)} s; memory …`)
        memorySamples.push(await memory(p, profile, `${imp.label}, overview`))
        for (const path of o.pages) {
          o.log(`browser: ${o.changes} filter changes on ${path} (${imp.label}) …`)
          await p.goto(`${server.url}#${path}?data=user`)
          await p.locator('[data-testid=echart] svg path').first().waitFor({ timeout: 300_000, state: 'attached' }).catch(() => {})
          filters.push(await runFilters(p, imp.label, imp.rows, path, o.changes, d))
        }
      }
      catch (e) {
        run.error = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300)
        memorySamples.push(await memory(p, profile, `${imp.label}, after the failure`).catch(() => ({ at: imp.label, jsHeapUsed: null, rendererRss: null, duckdb: null })))
      }
      finally {
        await p.close().catch(() => {})
      }
    }
    // Each folder again, into an empty data set: above, each import comes on top of the last.
    for (const [k, imp] of o.imports.entries()) {
      o.log(`browser: importing ${imp.label} into an empty data set (a profile of its own) …`)
      try {
        imports[k]!.validateEmpty = await importIntoEmpty(server.url, imp.dir, o.importTimeout ?? 900_000)
        o.log(`  validation report after ${(imports[k]!.validateEmpty! / 1000).toFixed(1)} s`)
      }
      catch (e) {
        imports[k]!.validateEmpty = null
        o.log(`  failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`)
      }
    }
    return {
      chromium: chromiumVersion,
      dist: o.dist,
      initialJs: { ...js, beforeChart, beforeChartGzip: beforeChart.reduce((s, f) => s + f.gzip, 0) },
      navigation: { cold, coldEngine, warm },
      filters,
      imports,
      memory: memorySamples,
      notes,
    }
  }
  finally {
    await context.close().catch(() => {})
    await server.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
