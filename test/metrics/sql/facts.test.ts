import type { Analysis } from '../../../src/metrics/analysis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analysisOf, datasetFromDir, datasetFromTexts, FIXTURES } from '../../helpers/db'

// The per-row limits materialised at load (facts_applications.sql, facts_bad_reviews.sql),
// worked out by hand on the 2024-10 sample: National Day 1–7 Oct off, Sun 29 Sep and Sat
// 12 Oct worked.
describe('per-row facts on the 2024-10 fixture', () => {
  let a: Analysis
  beforeAll(async () => {
    a = await analysisOf(await datasetFromDir(`${FIXTURES}sample-2024-10`))
  })
  afterAll(() => a.db.close())

  const apps = async () => Object.fromEntries((await a.db.query(`
    SELECT app_id, strftime(accept_limit, '%Y-%m-%d') AS accept_limit,
           strftime(done_limit_acc, '%Y-%m-%d') AS done_limit_acc,
           strftime(done_limit_sub, '%Y-%m-%d') AS done_limit_sub, elapsed_wd
    FROM application_facts ORDER BY app_id`)).map(r => [r.app_id, r]))

  it('gives each application its acceptance and both completion limits', async () => {
    const f = await apps()
    // A1 submitted Fri 27 Sep: accepted by Sun 29 Sep (worked); 3 working days from its
    // acceptance end Wed 9 Oct, from its submission Tue 8 Oct; 29 Sep → 8 Oct is 2 working days.
    expect(f.A1).toMatchObject({ accept_limit: '2024-09-29', done_limit_acc: '2024-10-09', done_limit_sub: '2024-10-08', elapsed_wd: 2 })
    // A2 submitted on a holiday (Sat 5 Oct): its first working day is Tue 8 Oct.
    expect(f.A2).toMatchObject({ accept_limit: '2024-10-08', done_limit_acc: '2024-10-15', elapsed_wd: 5 })
    // A4: 10 working days from Tue 15 Oct end Tue 29 Oct; from Mon 14 Oct, Mon 28 Oct.
    expect(f.A4).toMatchObject({ accept_limit: '2024-10-15', done_limit_acc: '2024-10-29', done_limit_sub: '2024-10-28', elapsed_wd: null })
  })

  it('gives each bad review its 1、5、15 limits', async () => {
    const rows = await a.db.query(`
      SELECT eval_id, strftime(contact_limit, '%Y-%m-%d') AS c1, strftime(complex_limit, '%Y-%m-%d') AS c15
      FROM bad_review_facts ORDER BY eval_id`)
    const f = Object.fromEntries(rows.map(r => [r.eval_id, r]))
    expect(f.B1).toMatchObject({ c1: '2024-09-29' })
    expect(f.B2).toMatchObject({ c1: '2024-10-08' })
    expect(f.B3).toMatchObject({ c15: '2024-10-16' })
  })

  it('rebuilds the facts when a rule setting they use changes, and only then', async () => {
    const before = (await a.metrics({ asOf: '2024-10-16' })).applications
    await a.updateSettings({ ...a.currentSettings, acceptWd: 2 })
    // A2 (submitted on a holiday, accepted Wed 9 Oct) is now within its 2 working days.
    expect((await apps()).A2).toMatchObject({ accept_limit: '2024-10-09' })
    const after = (await a.metrics({ asOf: '2024-10-16' })).applications
    expect(after.accepted_1wd).toBe(before.accepted_1wd + 1)
    await a.updateSettings({ ...a.currentSettings, dayKind: 'calendar' })
    const [b1] = await a.db.query(`SELECT strftime(contact_limit, '%Y-%m-%d') AS c1 FROM bad_review_facts WHERE eval_id = 'B1'`)
    expect(b1?.c1).toBe('2024-09-28')
    await a.updateSettings({ ...a.currentSettings, acceptWd: 1, dayKind: 'working' })
    expect((await a.metrics({ asOf: '2024-10-16' })).applications).toEqual(before)
  })

  it('follows rows added after loading once refreshed', async () => {
    await a.db.exec(`INSERT INTO applications (app_id, dept, channel, submitted_at, promised_wd) VALUES ('Z1', '区人社局', '窗口', TIMESTAMP '2024-10-11 09:00:00', 1)`)
    expect((await apps()).Z1).toBeUndefined()
    await a.refreshFacts()
    // Fri 11 Oct + 1 working day = Sat 12 Oct, a worked Saturday.
    expect((await apps()).Z1).toMatchObject({ accept_limit: '2024-10-12', done_limit_sub: '2024-10-12' })
    await a.db.exec(`DELETE FROM applications WHERE app_id = 'Z1'`)
    await a.refreshFacts()
  })
})

describe('personal data and the engine', () => {
  it('keeps names, phones and ID numbers out of the database while the data set holds them', async () => {
    const ds = await datasetFromTexts({
      '办件.csv': '办件编号,承办部门,申请时间,承诺时限,申请人,联系电话,身份证号\nP1,区人社局,2024-10-08 09:00,1,张三,13800138000,110101199003071234\n',
      '好差评.csv': '评价编号,被评价部门,评价时间,评价等级,工作人员,评价人,联系电话\nE1,区人社局,2024-10-08 10:00,1,王五,李四,13900139000\n',
    })
    const t = ds.tables.applications
    expect(t.rows[0]![t.columns.indexOf('phone')]).toBe('13800138000')
    const a = await analysisOf(ds)
    const [apps] = await a.db.query('SELECT count(*)::INTEGER AS n, count(applicant)::INTEGER AS names, count(phone)::INTEGER AS phones, count(id_number)::INTEGER AS ids FROM applications')
    expect(apps).toEqual({ n: 1, names: 0, phones: 0, ids: 0 })
    const [evals] = await a.db.query('SELECT count(*)::INTEGER AS n, count(person)::INTEGER AS people, count(staff)::INTEGER AS staff, count(phone)::INTEGER AS phones FROM evaluations')
    expect(evals).toEqual({ n: 1, people: 0, staff: 0, phones: 0 })
    await a.db.close()
  })
})
