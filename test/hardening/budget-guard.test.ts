import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { budgetMessage, currentBudget, judge, measureBytes, measureFile } from '../../src/app/budget'
import { DEFAULT_BUDGET } from '../../src/ingest/dataset/budget'
import dataMessages from '../../src/locales/data'
import en from '../../src/locales/en'
import zh from '../../src/locales/zh-CN'

const SMALL = { warnRows: 50, refuseRows: 100, warnBytes: 5_000, refuseBytes: 10_000 }
const csv = (rows: number) => new TextEncoder().encode(`办件编号,承办部门,申请时间\n${Array.from({ length: rows }, (_, i) => `A${i},区人社局,2024-10-08 09:00`).join('\n')}\n`)

const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  messages: { 'zh-CN': { ...zh, data: dataMessages.zh }, 'en': { ...en, data: dataMessages.en } },
})
const t = (locale: 'zh-CN' | 'en', key: string, params: Record<string, string>) => {
  i18n.global.locale.value = locale
  return i18n.global.t(key, params)
}

describe('the size guard before an import', () => {
  it('counts the rows of a small CSV and lets it through', async () => {
    const m = await measureFile(new Blob([csv(40)]), '办件.csv')
    expect(m).toEqual({ file: { name: '办件.csv', bytes: csv(40).byteLength, rows: 40 }, approx: false })
    expect(judge([m], SMALL).message).toBeNull()
  })

  it('refuses a file over the row budget with a message naming it, its rows and size, the limit and duban aggregate', async () => {
    const bytes = csv(150)
    const m = await measureFile(new Blob([bytes]), '办件-全年.csv')
    const { result, message } = judge([m], SMALL)
    expect(result.verdict).toBe('refuse')
    expect(message?.key).toBe('tooLarge')
    expect(message?.params).toMatchObject({ files: '办件-全年.csv', rows: '150', limitRows: '100', loaded: '0' })
    const zhText = t('zh-CN', `data.notice.${message!.key}`, message!.params)
    expect(zhText).toContain('未导入「办件-全年.csv」：共 150 行')
    expect(zhText).toContain(message!.params.size)
    expect(zhText).toContain('上限（100 行')
    expect(zhText).toContain('duban aggregate --data')
    const enText = t('en', `data.notice.${message!.key}`, message!.params)
    expect(enText).toContain('Not imported: "办件-全年.csv" has 150 rows')
    expect(enText).toContain('duban aggregate --data')
  })

  it('counts rows already loaded towards the budget', async () => {
    const m = await measureFile(new Blob([csv(60)]), 'b.csv')
    expect(judge([m], SMALL).message?.key).toBe('large')
    const { message } = judge([m], SMALL, 60)
    expect(message?.key).toBe('tooLarge')
    expect(message?.params).toMatchObject({ rows: '60', loaded: '60' })
  })

  it('estimates a large CSV from its first megabyte and says "about"', async () => {
    const bytes = csv(120_000)
    expect(bytes.byteLength).toBeGreaterThan(1 << 20)
    const m = await measureFile(new Blob([bytes]), 'big.csv')
    expect(m.approx).toBe(true)
    expect(m.file.rows).toBeGreaterThan(110_000)
    expect(m.file.rows).toBeLessThan(130_000)
    const { message } = judge([m], { ...DEFAULT_BUDGET, refuseRows: 100_000 })
    expect(message?.key).toBe('tooLargeApprox')
    expect(t('zh-CN', 'data.notice.tooLargeApprox', message!.params)).toContain('约 ')
  })

  it('refuses an unknown-size format by bytes alone, and names the largest files first', () => {
    const { message } = judge([measureBytes(new Uint8Array(4_000), 'a.xlsx'), measureBytes(new Uint8Array(9_000), 'b.docx')], SMALL)
    expect(message?.key).toBe('tooLargeApprox')
    expect(message?.params.files).toBe('a.xlsx, b.docx')
  })

  it('an embedded data set over the budget gets the shell message in both languages', () => {
    const { message } = judge([measureBytes(csv(150), 'applications.csv')], SMALL)
    expect(t('zh-CN', `budget.${message!.key}`, message!.params)).toContain('未载入数据集「applications.csv」')
    expect(t('en', `budget.${message!.key}`, message!.params)).toContain('duban aggregate')
    expect(budgetMessage(judge([measureBytes(csv(10), 'x.csv')], SMALL).result, SMALL, [])).toBeNull()
  })

  it('reads a machine\'s own budget from localStorage and ignores nonsense', () => {
    const store = new Map<string, string>()
    globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null } as unknown as Storage
    try {
      expect(currentBudget()).toEqual(DEFAULT_BUDGET)
      store.set('duban.budget', JSON.stringify({ refuseRows: 10, warnRows: -1, refuseBytes: 'x' }))
      expect(currentBudget()).toEqual({ ...DEFAULT_BUDGET, refuseRows: 10 })
      store.set('duban.budget', '{not json')
      expect(currentBudget()).toEqual(DEFAULT_BUDGET)
    }
    finally {
      delete (globalThis as { localStorage?: Storage }).localStorage
    }
  })
})
