import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PLANS, seedFiles } from '../../../src/tools/seeds/index'
import { SEEDS_DIR, seedTexts } from './helpers'

describe('committed seed tables', () => {
  const generated = seedFiles(seedTexts())

  it('are exactly what the texts regenerate, byte for byte', () => {
    for (const [path, content] of generated)
      expect(readFileSync(join(SEEDS_DIR, path), 'utf8'), path).toBe(content)
  })

  it('hold no stale file in a plan folder', () => {
    const onDisk: string[] = []
    for (const p of PLANS) {
      const dir = join(SEEDS_DIR, p.id)
      for (const f of readdirSync(dir)) {
        if (statSync(join(dir, f)).isFile())
          onDisk.push(`${p.id}/${f}`)
      }
    }
    expect(onDisk.sort()).toEqual([...generated.keys()].sort())
  })

  it('are UTF-8 without BOM, with \\n line ends', () => {
    for (const [path, content] of generated) {
      expect(content.charCodeAt(0), path).not.toBe(0xFEFF)
      expect(content.includes('\r'), path).toBe(false)
      expect(content.endsWith('\n'), path).toBe(true)
    }
  })

  it('give every row its provenance', () => {
    for (const [path, content] of generated) {
      if (!path.endsWith('.csv'))
        continue
      const [header, ...lines] = content.trimEnd().split('\n')
      expect(header!.split(',').at(-1), path).toBe('source')
      for (const l of lines)
        expect(l, path).toMatch(/,\d{3}_[0-9a-f]{16}\.txt:\d+$/)
    }
  })

  it('come out the same when generated twice', () => {
    expect([...seedFiles(seedTexts())]).toEqual([...generated])
  })
})
