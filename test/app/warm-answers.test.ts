import { describe, expect, it } from 'vitest'
import { ANSWERS_CHARS, ANSWERS_SAVED, AnswerFile } from '../../src/app/warm-start/answers'

describe('the answers file of the warm start', () => {
  it('reads back what it saved, one answer at a time', () => {
    const f = AnswerFile.parse(['d', 't'], '')
    f.keep('task_status\u0000[["as_of","2024-10-16"]]', [{ task: '一网通办\t"x"\n', n: 3, ok: true, none: null }])
    f.keep('rule_1_5_15\u0000[]', [])
    const back = AnswerFile.parse(['d', 't'], f.text())
    expect(back.size).toBe(2)
    expect(back.get('task_status\u0000[["as_of","2024-10-16"]]')).toEqual([{ task: '一网通办\t"x"\n', n: 3, ok: true, none: null }])
    expect(back.get('rule_1_5_15\u0000[]')).toEqual([])
    expect(back.get('no such answer')).toBeUndefined()
  })

  it('does not save an answer JSON would change (NaN, Infinity, -0)', () => {
    const f = AnswerFile.parse([], '')
    f.keep('a', [{ v: Number.NaN }])
    f.keep('b', [{ v: Number.POSITIVE_INFINITY }])
    f.keep('c', [{ v: -0 }])
    f.keep('d', [{ v: 0.1 }])
    expect(f.size).toBe(1)
    expect(AnswerFile.parse([], f.text()).get('d')).toEqual([{ v: 0.1 }])
  })

  it('keeps the most recently used answers within its bounds', () => {
    const f = AnswerFile.parse([], '')
    for (let i = 0; i < ANSWERS_SAVED + 10; i++)
      f.keep(`k${i}`, [{ i }])
    const back = AnswerFile.parse([], f.text())
    expect(back.size).toBe(ANSWERS_SAVED)
    expect(back.get('k0')).toBeUndefined()
    expect(back.get(`k${ANSWERS_SAVED + 9}`)).toEqual([{ i: ANSWERS_SAVED + 9 }])

    const big = AnswerFile.parse([], '')
    const rows = [{ s: 'x'.repeat(ANSWERS_CHARS / 3) }]
    for (const k of ['old', 'mid', 'new'])
      big.keep(k, rows)
    const kept = AnswerFile.parse([], big.text())
    expect(big.text().length).toBeLessThanOrEqual(ANSWERS_CHARS)
    expect([kept.get('old'), kept.get('mid') !== undefined, kept.get('new') !== undefined]).toEqual([undefined, true, true])
  })

  it('keeps its recency order through a save and a read back', () => {
    const f = AnswerFile.parse([], '')
    for (const k of ['old', 'mid', 'new'])
      f.keep(k, [{ k }])
    const back = AnswerFile.parse([], f.text())
    expect(back.text()).toBe(f.text())
    // Fresh answers fill all but one place: of the read-back answers, the newest keeps it.
    for (let i = 0; i < ANSWERS_SAVED - 1; i++)
      back.keep(`k${i}`, [{ i }])
    const next = AnswerFile.parse([], back.text())
    expect([next.get('old'), next.get('mid'), next.get('new')]).toEqual([undefined, undefined, [{ k: 'new' }]])
  })

  it('skips a damaged line and keeps the others', () => {
    const f = AnswerFile.parse([], `"a"\t[{"v":1}]\n"b\t[{"v":2}]\n"c"\t[{"v":`)
    expect(f.get('a')).toEqual([{ v: 1 }])
    expect(f.get('b')).toBeUndefined()
    expect(f.get('c')).toBeUndefined()
  })
})
