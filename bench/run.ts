// npm run bench [-- --quick] — see bench/README.md.
// Node part (per scale, each in a child process): load time split, every metric SQL file on
// DuckDB-WASM and native DuckDB, the Arquero baseline; browser part: the built app in headless
// Chromium. Prints the results and writes bench/results.md. Reports; never fails on noise.

import type { BenchResults, ReportTiming } from './lib/results'
import type { ScaleOptions, ScaleResult } from './node/scale'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { measureBrowser } from './browser/measure'
import { benchData, scaleLabel } from './lib/data'
import { machine } from './lib/machine'
import { median } from './lib/stats'
import { renderMarkdown } from './lib/markdown'
import { targetRows } from './lib/targets'

const ROOT = resolve(import.meta.dirname, '..')
const OUT = join(ROOT, 'bench', 'out')

const { values } = parseArgs({
  options: {
    'quick': { type: 'boolean', default: false },
    'scales': { type: 'string' },
    'runs': { type: 'string' },
    'changes': { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    'no-node': { type: 'boolean', default: false },
    'no-import': { type: 'boolean', default: false },
    'build': { type: 'boolean', default: false },
    'resume': { type: 'boolean', default: false },
    'dist': { type: 'string' },
    'results': { type: 'string', default: join(ROOT, 'bench', 'results.md') },
  },
})

const quick = values.quick
const parseScale = (s: string) => Math.round(Number(s.replace(/k$/i, 'e3').replace(/m$/i, 'e6')))
const scales = values.scales ? values.scales.split(',').map(parseScale) : quick ? [100_000] : [100_000, 1_000_000, 5_000_000]
const runs = Number(values.runs ?? (quick ? 3 : 7))
const changes = Number(values.changes ?? (quick ? 10 : 30))
const log = (s: string) => process.stderr.write(`${s}\n`)
const REPORT_TIMEOUT = 20 * 60_000
/** Runs of the bulletin; the median is judged. */
const REPORT_RUNS = 3

/** Heap for a scale's child: the app's loader keeps every row as text (~1.7 kB a row, plus the staging copy). */
function heapMb(scale: number): number {
  return scale > 1_000_000 ? 8192 : Math.max(4096, Math.ceil(scale * 1.7 * 6 / 1000))
}

function runChild(script: string, args: string[], heap: number, timeoutMs: number): Promise<{ code: number | null, stdout: string, stderr: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heap}`, '--expose-gc', '--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d
      process.stderr.write(d)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      res({ code, stdout, stderr })
    })
  })
}

async function nodePart(results: BenchResults): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  for (const scale of scales) {
    log(`\n== ${scaleLabel(scale)} applications (Node)`)
    // 5M: fewer repeats, as each WASM query takes seconds there.
    const big = scale > 1_000_000
    const opts: ScaleOptions = { scale, dataRoot: join(OUT, 'data'), runs: big ? Math.min(runs, 3) : runs, csv: scale <= 1_000_000, filterChanges: big ? Math.min(changes, 10) : changes, maxAppLoader: 1_000_000 }
    const file = join(OUT, `scale-${scaleLabel(scale)}.json`)
    if (values.resume && existsSync(file)) {
      // An interrupted run's finished scale: kept, not measured again.
      log('  (resumed from bench/out)')
      const kept = JSON.parse(readFileSync(file, 'utf8')) as ScaleResult
      results.scales.push(kept)
      continue
    }
    rmSync(file, { force: true })
    const r = await runChild('bench/node/child.ts', [JSON.stringify(opts), file], heapMb(scale), 3 * 3600_000)
    if (r.code === 0 && existsSync(file)) {
      const scaleResult = JSON.parse(readFileSync(file, 'utf8')) as ScaleResult
      results.scales.push(scaleResult)
    }
    else {
      const why = /heap out of memory|Allocation failed/i.test(r.stderr)
        ? `JavaScript heap out of memory (${heapMb(scale)} MB) in the app's loader: every row is kept as text`
        : `exit ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 400)}`
      results.scaleErrors.push({ scale, error: why })
      log(`  ${scaleLabel(scale)} failed: ${why}`)
    }
  }
}

async function reportPart(results: BenchResults): Promise<void> {
  // Quick mode leaves it out: CI's budget is 5 minutes, and the target is at 1M.
  if (quick || !existsSync(join(ROOT, 'src', 'cli', 'report.ts')))
    return
  const scale = scales.includes(1_000_000) ? 1_000_000 : Math.max(...scales.filter(s => s <= 1_000_000))
  const data = await benchData(join(OUT, 'data'), scale, 'parquet', log)
  const out = join(OUT, 'report')
  log(`\n== duban report, ${scaleLabel(scale)} applications, 2024-06 (×${REPORT_RUNS}, median)`)
  const timing: ReportTiming = { scale, month: '2024-06', seconds: null, runs: [], error: null }
  for (let i = 0; i < REPORT_RUNS && timing.error === null; i++) {
    rmSync(out, { recursive: true, force: true })
    const r = await runChild('bench/node/report-child.ts', [data.dir, '2024-06', out], heapMb(scale), REPORT_TIMEOUT)
    try {
      const j = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number, code: number, tail: string }
      if (j.code === 0)
        timing.runs!.push(j.ms / 1000)
      else
        timing.error = `exit ${j.code}: ${j.tail}`
    }
    catch {
      timing.error = r.code === null ? `did not finish within ${REPORT_TIMEOUT / 60_000} min` : r.stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300) || `exit ${r.code}`
    }
  }
  if (timing.error === null)
    timing.seconds = median(timing.runs!)
  results.report = timing
}

function distDir(): string {
  if (values.dist)
    return resolve(values.dist)
  const own = join(OUT, 'dist')
  if (!values.build && existsSync(join(ROOT, 'dist', 'index.html')))
    return join(ROOT, 'dist')
  log('\n== building the app into bench/out/dist …')
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', own, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  return own
}

async function browserPart(results: BenchResults): Promise<void> {
  const dist = distDir()
  const imports = []
  if (!values['no-import']) {
    for (const scale of scales.filter(s => s <= 1_000_000)) {
      const d = await benchData(join(OUT, 'data'), scale, 'parquet', log)
      imports.push({ label: `${scaleLabel(scale)} (Parquet)`, dir: d.dir, rows: scale })
    }
  }
  log('\n== browser')
  results.browser = await measureBrowser({
    dist,
    changes,
    pages: quick ? ['/'] : ['/', '/applications', '/evaluations'],
    warm: quick ? 1 : 2,
    importTimeout: 20 * 60_000,
    imports,
    log: s => log(`  ${s}`),
  })
}

const started = performance.now()
const results: BenchResults = {
  mode: quick ? 'quick' : 'full',
  machine: machine(),
  seconds: 0,
  scales: [],
  scaleErrors: [],
  browser: null,
  browserError: null,
  report: null,
}
if (!values['no-node']) {
  await nodePart(results)
  await reportPart(results).catch((e: unknown) => {
    results.report = { scale: 0, month: '2024-06', seconds: null, error: String(e) }
  })
}
if (!values['no-browser']) {
  try {
    await browserPart(results)
  }
  catch (e) {
    results.browserError = (e instanceof Error ? e.message : String(e)).split('\n')[0]!
    log(`browser part failed: ${results.browserError}`)
  }
}
results.machine.chromium = results.browser?.chromium ?? null
results.seconds = (performance.now() - started) / 1000
const md = renderMarkdown(results)
writeFileSync(values.results, md)
writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 1))
process.stdout.write(`\n${md}`)
const missed = targetRows(results).filter(r => r[3].includes('missed')).length
log(`\nbench: ${(results.seconds / 60).toFixed(1)} min; ${missed} target(s) missed (see bench/results.md). Wrote ${values.results}`)
