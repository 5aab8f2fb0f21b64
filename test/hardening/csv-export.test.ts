import { describe, expect, it } from 'vitest'
import { neutraliseFormula, toExportCsv } from '../../src/domain/text/csv-export'

describe('CSV exports never hand a spreadsheet a formula', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'])('prefixes %s', (v) => {
    expect(neutraliseFormula(v)).toBe(`'${v}`)
  })
  it('leaves numbers, including negative ones, as numbers', () => {
    expect(neutraliseFormula('-12.5')).toBe('-12.5')
    expect(neutraliseFormula('81.3%')).toBe('81.3%')
  })
  it('quotes cells with commas, quotes and line breaks, with a BOM for Excel', () => {
    const csv = toExportCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', '=1+1']])
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\'=1+1\r\n')
  })
})
