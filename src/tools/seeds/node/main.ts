// Regenerates the seed tables: reads seeds/*.txt, writes seeds/<plan-id>/{plan.json,*.csv}.
// Run with `npm run seeds` (or `npx tsx src/tools/seeds/node/main.ts`). Each plan folder is rewritten
// whole, so a table that disappears from the output does not linger on disk.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseSeed, planForFile, PLANS, seedFiles } from '../index'

const seedsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'seeds')

const texts: Record<string, string> = {}
for (const name of readdirSync(seedsDir).filter(n => n.endsWith('.txt')).sort())
  texts[name] = readFileSync(join(seedsDir, name), 'utf8')

const files = seedFiles(texts)
for (const plan of PLANS)
  rmSync(join(seedsDir, plan.id), { recursive: true, force: true })
for (const [path, content] of files) {
  mkdirSync(dirname(join(seedsDir, path)), { recursive: true })
  writeFileSync(join(seedsDir, path), content)
}

let problems = 0
for (const [name, text] of Object.entries(texts)) {
  if (!planForFile(name)) {
    console.log(`${name}: no plan reads this text, skipped`)
    continue
  }
  const p = parseSeed(name, text)
  const counts = (['matters', 'bundles', 'tasks'] as const)
    .filter(t => p[t]?.rows.length)
    .map(t => `${t} ${p[t]!.rows.length}`)
  console.log(`${p.meta.id}: ${counts.join(', ')}`)
  for (const s of p.skipped)
    console.log(`  not a row: ${s.source} ${s.reason}: ${s.text}`)
  for (const w of p.warnings)
    console.log(`  WARNING ${w}`)
  problems += p.warnings.length
}
console.log(`wrote ${files.size} files under ${seedsDir}`)
if (problems)
  process.exitCode = 1
