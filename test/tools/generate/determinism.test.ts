import { afterAll, describe, expect, it } from 'vitest'
import { cleanTempDirs, generate, hashes } from './helpers'

afterAll(cleanTempDirs)

describe('same seed, same files', () => {
  it('writes byte-identical CSV twice', async () => {
    const args = ['--scale', '2000', '--seed', '42', '--format', 'csv']
    expect(hashes(await generate(args))).toEqual(hashes(await generate(args)))
  })

  it('writes byte-identical Parquet twice', async () => {
    const args = ['--scale', '2000', '--seed', '42']
    const a = hashes(await generate(args))
    expect(Object.keys(a)).toContain('applications.parquet')
    expect(a).toEqual(hashes(await generate(args)))
  })

  it('gives different data for another seed, but the same plan lists', async () => {
    const a = hashes(await generate(['--scale', '2000', '--seed', '1', '--format', 'csv']))
    const b = hashes(await generate(['--scale', '2000', '--seed', '2', '--format', 'csv']))
    expect(a['applications.csv']).not.toBe(b['applications.csv'])
    expect(a['bundles.csv']).toBe(b['bundles.csv'])
  })

  it('keeps the reform baselines whatever the scale', async () => {
    const a = hashes(await generate(['--scale', '500', '--seed', '7', '--format', 'csv']))
    const b = hashes(await generate(['--scale', '2500', '--seed', '7', '--format', 'csv']))
    expect(a['reform_baselines.csv']).toBe(b['reform_baselines.csv'])
  })
})
