import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The one-way layers hold because lint refuses the wrong import (eslint.config.js, LAYERS).
// These lint small files placed in the real tree, so the project's own configuration decides.
const eslint = new ESLint({ cwd: process.cwd() })

async function rulesHit(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map(m => m.ruleId ?? m.message)
}

describe('one-way layers', () => {
  it('refuses a lower layer importing a higher one', async () => {
    expect(await rulesHit('src/domain/dates/probe.ts', `import { TABLES } from '../../metrics/sql/index'\nexport const x = TABLES\n`))
      .toContain('import-x/no-restricted-paths')
    expect(await rulesHit('src/ingest/probe.ts', `import { Analysis } from '../metrics/analysis'\nexport const x = Analysis\n`))
      .toContain('import-x/no-restricted-paths')
    expect(await rulesHit('src/metrics/probe.ts', `import { openWasmNode } from '../engine/node/wasm'\nexport const x = openWasmNode\n`))
      .toContain('import-x/no-restricted-paths')
    expect(await rulesHit('src/report/probe.ts', `import { useDatasetStore } from '../stores/dataset'\nexport const x = useDatasetStore\n`))
      .toContain('import-x/no-restricted-paths')
  })
  it('lets a higher layer import a lower one', async () => {
    expect(await rulesHit('src/metrics/probe.ts', `import { lastDayOfMonth } from '../domain/dates'\nexport const x = lastDayOfMonth\n`))
      .not.toContain('import-x/no-restricted-paths')
  })
  it('refuses Node modules outside the CLI, the tools and node/ folders', async () => {
    expect(await rulesHit('src/metrics/probe.ts', `import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n`))
      .toContain('no-restricted-imports')
    expect(await rulesHit('src/engine/node/probe.ts', `import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n`))
      .not.toContain('no-restricted-imports')
  })
  it('refuses a cycle', async () => {
    // ingest/dataset/dataset.ts imports table/table.ts; a table.ts importing it back closes a loop.
    const hits = await rulesHit('src/ingest/table/table.ts', `import { assembleDataset } from '../dataset/dataset'\nexport const x = assembleDataset\n`)
    expect(hits).toContain('import-x/no-cycle')
  })
}, 120_000)
