import { describe, expect, it } from 'vitest'
import { bindNamed, toCsv } from '../../src/metrics/db/params'
import { usedParams } from '../../src/metrics/run'

describe('bindNamed', () => {
  it('turns named parameters into positional ones, reusing a position for a repeated name', () => {
    expect(bindNamed('SELECT $a, $b, $a', { a: 1, b: 'x' })).toEqual({ sql: 'SELECT $1, $2, $1', values: [1, 'x'] })
  })
  it('leaves $ inside string literals and comments alone', () => {
    const sql = `SELECT '$not' AS s -- the calendar's end, $also_not\nWHERE x = $real`
    expect(bindNamed(sql, { real: 5 })).toEqual({ sql: `SELECT '$not' AS s -- the calendar's end, $also_not\nWHERE x = $1`, values: [5] })
  })
  it('binds parameters that follow a comment with an apostrophe', () => {
    expect(bindNamed(`-- it's here\nSELECT $a\n-- don't\n, $b`, { a: 1, b: 2 }).values).toEqual([1, 2])
  })
  it('refuses a parameter with no value rather than sending it unbound', () => {
    expect(() => bindNamed('SELECT $missing', {})).toThrow(/\$missing/)
  })
})

describe('toCsv', () => {
  it('quotes every value, doubles quotes, and leaves null empty', () => {
    expect(toCsv(['a', 'b'], [['x"y', null], ['', 'z']])).toBe('a,b\n"x""y",\n"","z"\n')
  })
})

describe('usedParams', () => {
  it('keeps exactly the parameters the text names, a name never matching a longer one', () => {
    const sql = 'SELECT $as_of, $prev_as_of, $month_end'
    const p = { as_of: '2024-06-30', as: 1, prev_as_of: null, month_end: '2024-06-30', month: 'x', dept: null, bundle: 'y' }
    expect(usedParams(sql, p)).toEqual({ as_of: '2024-06-30', prev_as_of: null, month_end: '2024-06-30' })
    // Asked again (the names are found once per text), the same answer; another text, its own.
    expect(usedParams(sql, { ...p, as_of: '2024-07-31' })).toEqual({ as_of: '2024-07-31', prev_as_of: null, month_end: '2024-06-30' })
    expect(usedParams('SELECT $as', p)).toEqual({ as: 1 })
    expect(usedParams('SELECT 1', p)).toEqual({})
  })
})
