import type { BenchResults } from './results'
import { scaleLabel } from './data'
import { fmtBytes, fmtMs, fmtRatio } from './stats'
import { sqlRatio, targetRows } from './targets'

function table(head: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine
  const out: string[] = []
  out.push('# duban benchmark results', '')
  out.push(`Written by \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\` (${r.mode} mode, ${(r.seconds / 60).toFixed(1)} min) on ${m.date.slice(0, 16).replace('T', ' ')} UTC.`, '')
  out.push(`Machine: ${m.cpu}, ${m.cores} cores (nproc), ${m.memoryGb} GB RAM, Node ${m.node}${r.browser ? `, ${r.browser.chromium}` : ''}. Load average when the run started: ${m.load} — `
    + `${m.load > m.cores ? `**the machine was shared** (more runnable processes than cores), so absolute times are inflated; ratios come from interleaved runs on the same data and hold better.` : 'the machine was otherwise idle.'}`, '')
  out.push('## Targets', '')
  out.push(table(['target', 'before (issue #17)', 'now', ''], targetRows(r)), '')

  out.push('## Loading (Node, the app\'s loader: bytes → grid → loadGrid → assembleDataset → Analysis.open)', '')
  const loadRows: Array<Array<string | number>> = []
  for (const s of r.scales) {
    if (s.bulk)
      loadRows.push([scaleLabel(s.scale), 'Parquet', fmtBytes(s.data.parquet.bytes), (s.data.parquet.applications + s.data.parquet.evaluations).toLocaleString('en'), '—', '—', '—', '—', '—', `engines' own load: ${fmtMs(s.bulk.nativeMs)} / ${s.wasm ? fmtMs(s.bulk.wasmMs) : 'failed'}`, 'not loadable by the app'])
    for (const [fmt, l] of [['Parquet', s.load.parquet], ['CSV', s.load.csv]] as const) {
      if (!l)
        continue
      const d = fmt === 'Parquet' ? s.data.parquet : s.data.csv!
      loadRows.push([scaleLabel(s.scale), fmt, fmtBytes(d.bytes), l.rows.toLocaleString('en'), fmtMs(l.read), fmtMs(l.decode), fmtMs(l.normalise), fmtMs(l.assemble), fmtPair(fmt === 'Parquet' ? s.native.stage : null, fmt === 'Parquet' ? s.wasm?.stage : null), fmtPair(fmt === 'Parquet' ? s.native.insert : null, fmt === 'Parquet' ? s.wasm?.insert : null), fmt === 'Parquet' && s.wasm ? fmtMs(l.total + s.wasm.stage + s.wasm.insert) : fmtMs(l.total)])
    }
  }
  out.push(table(['apps', 'format', 'bytes', 'rows', 'read', 'decode', 'normalise', 'assemble', 'stage CSV (native / WASM)', 'insert (native / WASM)', 'total to WASM'], loadRows), '')
  out.push('`decode` = SHA-256 + hyparquet (or text decoding + Papa Parse); `normalise` = per-cell normalisation with row-level issues (loadGrid); `stage` = Analysis.open\'s JavaScript (calendar coverage check, CSV staging text, schedule); `insert` = the engine\'s read_csv. The CSV load is timed to the data set (the engines load the Parquet copy). Above 1M applications the app\'s loader is not used (it keeps every row as text in the JavaScript heap); both engines then read the data themselves (native: read_parquet; WASM: a CSV copy) to compare the SQL. DuckDB-WASM instantiation: '
    + r.scales.map(s => `${scaleLabel(s.scale)} ${fmtMs(s.wasm?.instantiate)}`).join(', ') + '.', '')

  for (const s of r.scales.filter(x => x.sql.length)) {
    const q = sqlRatio(s)
    out.push(`## Metric SQL: DuckDB-WASM vs native, ${scaleLabel(s.scale)} applications (${s.data.parquet.evaluations.toLocaleString('en')} evaluations), whole year, median of ${s.sql[0]!.nativeRuns.length}`, '')
    out.push(table(['SQL file', 'native', 'WASM', 'WASM / native', 'WASM planning alone', 'rows', 'same result'], [
      ...s.sql.map(x => [`\`${x.name}\``, fmtMs(x.native), fmtMs(x.wasm), fmtRatio(x.wasm / x.native), fmtMs(x.wasmPlan), x.rows, x.same ? 'yes' : '**no**']),
      ['**Σ all files**', fmtMs(s.sqlTotal.native), fmtMs(s.sqlTotal.wasm), `**${fmtRatio(q.total)}**`, fmtMs(s.sql.reduce((a, x) => a + x.wasmPlan, 0)), '', ''],
      ['geometric mean of ratios', '', '', fmtRatio(q.geo), '', '', ''],
    ]), '')
    out.push('`WASM planning alone` = `EXPLAIN` of the same query (parse, bind, optimise; nothing run): the fixed cost of every query, whatever the data\'s size.', '')
  }
  if (r.scaleErrors.length) {
    out.push('## Scales that did not complete', '')
    for (const e of r.scaleErrors)
      out.push(`- ${scaleLabel(e.scale)}: ${e.error}`)
    out.push('')
  }

  out.push('## Headline figures: plain JavaScript (Arquero) vs duban\'s SQL', '')
  out.push('Task status counts, the 1、5、15 counts and the pooled reduction cuts with target shares, from the same loaded rows; Arquero\'s table building is not timed (as the engines\' load is not).', '')
  out.push(table(['apps', 'Arquero', 'DuckDB-WASM', 'native', 'Arquero / WASM', 'Arquero / native', 'identical'], r.scales.filter(s => s.arquero).map(s => [
    scaleLabel(s.scale),
    fmtMs(s.arquero!.compute),
    fmtMs(s.headlineSql.wasm),
    fmtMs(s.headlineSql.native),
    fmtRatio(s.arquero!.compute / s.headlineSql.wasm),
    fmtRatio(s.arquero!.compute / s.headlineSql.native),
    s.arquero!.same ? 'yes' : `**no**: ${s.arquero!.diff.slice(0, 3).join('; ')}`,
  ])), '')

  out.push('## Filter changes', '')
  if (r.browser?.filters.length) {
    out.push('In the browser (built app, headless Chromium): from the URL change to the first frame after the engine\'s last answer.', '')
    out.push(table(['data set', 'page', 'changes', 'p50', 'p95', 'max'], r.browser.filters.map(f => [f.dataset, f.page, f.changes, fmtMs(f.p50), fmtMs(f.p95), fmtMs(f.max)])), '')
  }
  out.push('In Node, the overview page\'s queries for one change (the review, the previous month\'s headline counts, the open cases — one after another, as the worker runs them; every filter state new):', '')
  out.push(table(['apps', 'changes', 'DuckDB-WASM p50', 'p95', 'native p50', 'p95'], r.scales.map(s => [scaleLabel(s.scale), s.filter.native.runs.length, fmtMs(s.filter.wasm?.p50), fmtMs(s.filter.wasm?.p95), fmtMs(s.filter.native.p50), fmtMs(s.filter.native.p95)])), '')

  if (r.browser) {
    const b = r.browser
    out.push('## Browser', '')
    out.push(`Navigation to the first chart on the demo data (50k applications): cold ${fmtMs(b.navigation.cold.firstChart)} (first KPI ${fmtMs(b.navigation.cold.firstKpi)}, started ${b.navigation.cold.start ?? '?'})${b.navigation.coldEngine ? `, cold with the build's first page refused ${fmtMs(b.navigation.coldEngine.firstChart)}` : ''}; warm (same profile, compiled WASM cached) ${b.navigation.warm.map(w => fmtMs(w.firstChart)).join(', ')}.`, '')
    out.push(`Initial JavaScript: ${b.initialJs.initial.map(f => `${f.name} ${fmtBytes(f.gzip)}`).join(', ')} — **${fmtBytes(b.initialJs.initialGzip)} gzipped**. Engine (lazy): ${b.initialJs.engine.map(f => `${f.name} ${fmtBytes(f.gzip)}`).join(', ')}.`, '')
    if (b.imports.length) {
      out.push(table(['import through the data page', 'rows', 'bytes', 'to validation report', 'to validation report, into an empty data set', 'load to first chart', 'load to every figure', 'error'], b.imports.map(i => [i.label, i.rows.toLocaleString('en'), fmtBytes(i.bytes), fmtMs(i.validate), fmtMs(i.validateEmpty ?? null), fmtMs(i.load), fmtMs(i.whole ?? null), i.error ?? ''])), '')
      if (b.imports.length > 1)
        out.push('The imports run one after another in one profile, each added to the data set the last one left (so the 1M report also checks the 100k set\'s ids, which come again); "into an empty data set" is the same folder in a profile of its own, the demo\'s overview opened first, then the data page.', '')
    }
    out.push(table(['memory', 'JS heap (page)', 'renderer RSS', 'DuckDB (duckdb_memory)'], b.memory.map(x => [x.at, fmtBytes(x.jsHeapUsed), fmtBytes(x.rendererRss), fmtBytes(x.duckdb)])), '')
  }
  out.push('## Memory in Node after loading', '')
  out.push(table(['apps', 'JS heap used (data set kept)', 'RSS', 'DuckDB-WASM tables', 'native tables'], r.scales.map(s => [scaleLabel(s.scale), fmtBytes(s.memory.heapUsedAfterLoad), fmtBytes(s.memory.rssAfterLoad), fmtBytes(s.memory.wasmDuckdbBytes), fmtBytes(s.memory.nativeDuckdbBytes)])), '')
  if (r.browserError)
    out.push(`Browser part failed: ${r.browserError}`, '')
  return `${out.join('\n')}\n`
}

function fmtPair(a: number | null | undefined, b: number | null | undefined): string {
  return a === null || a === undefined ? '' : `${fmtMs(a)} / ${fmtMs(b)}`
}
