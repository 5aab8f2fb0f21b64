// The bench times duban's headline figures against a plain-JavaScript baseline (Arquero) and
// reports whether both give the same figures. Held here, so that a column the SQL adds (a
// review point, say) cannot turn that report to "no" unnoticed.
import { describe, expect, it } from 'vitest'
import { arqueroHeadline, arqueroInput } from '../../bench/node/arquero'
import { diffHeadline, sqlHeadline } from '../../bench/node/headline'
import { withDefaults } from '../../src/domain/settings'
import { analysisOf, datasetFromDir, FIXTURES } from '../helpers/db'

describe('the bench\'s headline figures', () => {
  it('are the same from duban\'s SQL and from the Arquero baseline', async () => {
    const a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
    const settings = withDefaults()
    // Whole reviews: the baseline knows no month.
    for (const q of [{ asOf: '2024-10-16' }, { asOf: '2024-09-30' }]) {
      const sql = await sqlHeadline(a, q)
      expect(diffHeadline(sql, arqueroHeadline(await arqueroInput(a, settings, 2024), q.asOf, settings)), JSON.stringify(q)).toEqual([])
      expect(Object.values(sql.task_status).reduce((s, n) => s + n, 0)).toBeGreaterThan(0)
      expect(sql.rule_1_5_15.bad).toBeGreaterThan(0)
    }
    await a.db.close()
  }, 120_000)
})
