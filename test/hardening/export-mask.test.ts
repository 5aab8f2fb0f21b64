import type { ExportManifest } from '../../src/ingest/import/export'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportBundle, personalMask } from '../../src/ingest/import/export'
import { hasUnmaskedNumber } from '../../src/domain/text/mask'
import { datasetFromTexts } from '../helpers/db'

const PHONE = '13912345678'
const ID = '110101199003071234'
const APP_PHONE = '13800138000'
const FILES = {
  '好差评.csv': `评价编号,办件编号,被评价部门,工作人员,评价时间,评价等级,评价内容,联系电话,评价人,身份证号,证件类型\nE1,A1,区人社局,李四,2024-10-08 10:00,不满意,"张三说等了两小时，电话 ${PHONE}，李四态度差",${PHONE},张三,${ID},身份证 ${ID}\nE2,A1,区人社局,王五,2024-10-09 10:00,满意,,,欧阳小明,,\n`,
  '办件.csv': `办件编号,承办部门,申请时间,申请人,联系电话,身份证号\nA1,区人社局,2024-10-08 09:00,赵六,${APP_PHONE},${ID}\n`,
}

async function exported(options?: { includePersonal?: boolean }) {
  const ds = await datasetFromTexts(FILES)
  expect(ds.issues.filter(i => i.severity === 'error')).toEqual([])
  const zip = await JSZip.loadAsync(await exportBundle(ds, '2024-10-16T02:00:00.000Z', undefined, options))
  const text = async (f: string) => zip.file(f)!.async('string')
  return {
    manifest: JSON.parse(await text('manifest.json')) as ExportManifest,
    evaluations: await text('evaluations.csv'),
    applications: await text('applications.csv'),
  }
}

describe('the data export masks personal data unless asked not to', () => {
  it('masks names, phones and ID numbers by default, in their columns, in free text and in extra columns', async () => {
    const { manifest, evaluations, applications } = await exported()
    expect(manifest.personal).toBe('masked')
    const all = evaluations + applications
    for (const secret of [PHONE, APP_PHONE, ID, '张三', '李四', '王五', '赵六', '欧阳小明'])
      expect(all, secret).not.toContain(secret)
    expect(hasUnmaskedNumber(all)).toBe(false)
    // What is left still tells records apart in a meeting.
    expect(evaluations).toContain('139****5678')
    expect(evaluations).toContain('110101********1234')
    expect(evaluations).toContain('张*')
    expect(evaluations).toContain('欧***')
    expect(applications).toContain('138****8000')
    // Ids and departments are not personal: the tables still join and the figures are the same.
    expect(evaluations).toContain('E1,A1,区人社局')
    expect(applications).toContain('A1,')
  })

  it('includes them unmasked only when the user opts in', async () => {
    const { manifest, evaluations, applications } = await exported({ includePersonal: true })
    expect(manifest.personal).toBe('included')
    expect(evaluations).toContain(PHONE)
    expect(evaluations).toContain(ID)
    expect(evaluations).toContain('张三说等了两小时')
    expect(applications).toContain(APP_PHONE)
    expect(applications).toContain('赵六')
  })

  it('a mask leaves non-personal columns alone and masks by column kind', async () => {
    const ds = await datasetFromTexts(FILES)
    const mask = personalMask(ds, 'evaluations')
    expect(mask('dept', false, '区人社局')).toBe('区人社局')
    expect(mask('app_id', false, ID)).toBe(ID)
    expect(mask('phone', false, PHONE)).toBe('139****5678')
    expect(mask('id_number', false, ID)).toBe('110101********1234')
    expect(mask('person', false, '张三')).toBe('张*')
    expect(mask('comment', false, `找王五，${PHONE}`)).toBe('找王*，139****5678')
    expect(mask('证件类型', true, `身份证 ${ID}`)).toBe('身份证 110101********1234')
  })
})
