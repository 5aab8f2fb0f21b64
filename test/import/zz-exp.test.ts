import { readdirSync, readFileSync } from 'node:fs'
import { it } from 'vitest'
import { importFile } from '../../src/core/import/run'
import { formatIssue } from '../../src/core/load/issues'
it('x', async () => {
  const dir = 'test/fixtures/office/files/'
  for (const n of readdirSync(dir)) {
    const f = await importFile({ name: n, bytes: new Uint8Array(readFileSync(dir + n)) })
    console.log(n, f.format, f.grids.map(g => `${g.sheet} ${g.table} by ${g.recognisedBy} h${g.headerRow} good ${g.goodRows} bad ${g.badRows} | ${g.headers.join(',')}`).join('\n  '))
    for (const l of f.loaded) for (const i of l.result.issues.slice(0, 6)) console.log('   ', formatIssue(i))
  }
})
