import { nextTick, ref } from 'vue'
import { describe, expect, it } from 'vitest'
import { usePagedRows } from '../../src/components/usePagedRows'

const rows = (n: number, tag = 'r') => Array.from({ length: n }, (_, i) => `${tag}${i}`)

describe('usePagedRows', () => {
  it('gives a page of the rows and says whether there is more than one', () => {
    const p = usePagedRows({ rows: rows(120), pageSize: 50 })
    expect(p.pageRows.value).toEqual(rows(50))
    expect([p.total.value, p.paged.value]).toEqual([120, true])
    p.page.value = 3
    expect(p.pageRows.value).toEqual(rows(120).slice(100))
    expect(usePagedRows({ rows: rows(50), pageSize: 50 }).paged.value).toBe(false)
  })

  it('starts a new answer at its first page, and never shows an empty page past the end', async () => {
    const source = ref(rows(120))
    const p = usePagedRows({ rows: source, pageSize: 50 })
    p.page.value = 3
    source.value = rows(70, 'n')
    await nextTick()
    expect(p.page.value).toBe(1)
    expect(p.pageRows.value).toEqual(rows(50, 'n'))
    p.page.value = 9
    expect(p.pageRows.value).toEqual(rows(70, 'n').slice(50))
  })
})
