import { afterEach, describe, expect, it, vi } from 'vitest'
import { readAhead, readBytes, readFile, readText, writeFile } from '../../src/app/warm-start/opfs'
import { MemoryOpfs } from '../helpers/memory-opfs'

function stub(): MemoryOpfs {
  const fs = new MemoryOpfs()
  vi.stubGlobal('navigator', { storage: fs.storage() })
  return fs
}

describe('files of the warm start read ahead by the entry', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('hands a read begun ahead to the first caller, once', async () => {
    const fs = stub()
    fs.put(['duban-warm', 'd'], 'dataset.json', 'first')
    readAhead(['d'], 'dataset.json', 'text')
    expect(fs.lookups).toBe(0) // looked up only once its folder is found
    await vi.waitFor(() => expect(fs.lookups).toBe(1))
    fs.put(['duban-warm', 'd'], 'dataset.json', 'changed behind it')
    expect(await readText(['d'], 'dataset.json')).toBe('first')
    expect(fs.lookups).toBe(1)
    // Taken: the next caller reads the file as it is now.
    expect(await readText(['d'], 'dataset.json')).toBe('changed behind it')
    expect(fs.lookups).toBe(2)
  })

  it('answers the file itself, or null where there is none', async () => {
    const fs = stub()
    fs.put(['duban-warm', 'd'], 'rows-applications.json', '[["a"]]')
    readAhead(['d'], 'rows-applications.json')
    readAhead(['d'], 'rows-evaluations.json')
    expect(await (await readFile(['d'], 'rows-applications.json'))?.text()).toBe('[["a"]]')
    expect(await readFile(['d'], 'rows-evaluations.json')).toBeNull()
    expect(await readText(['d', 't'], 'answers.json')).toBeNull()
    expect(fs.lookups).toBe(2)
  })

  it('reads a big table\'s bytes ahead, and else reads them when asked', async () => {
    const fs = stub()
    fs.put(['duban-warm', 'd'], 'rows-applications.json', '[["甲"]]')
    readAhead(['d'], 'rows-applications.json', 'bytes')
    const found = await readFile(['d'], 'rows-applications.json')
    fs.put(['duban-warm', 'd'], 'rows-applications.json', 'changed behind it')
    expect(new TextDecoder().decode((await readBytes(['d'], 'rows-applications.json', found!))!)).toBe('[["甲"]]')
    expect(new TextDecoder().decode((await readBytes(['d'], 'rows-applications.json'))!)).toBe('changed behind it')
    expect(await readBytes(['d'], 'rows-evaluations.json')).toBeNull()
  })

  it('drops what was read ahead once anything is written', async () => {
    const fs = stub()
    fs.put(['duban-warm', 'd', 't'], 'answers.json', 'old')
    readAhead(['d', 't'], 'answers.json', 'text')
    readAhead(['d', 't'], 'done.json')
    await writeFile(['d', 't'], 'answers.json', 'new')
    expect(await readText(['d', 't'], 'answers.json')).toBe('new')
    expect(await readFile(['d', 't'], 'done.json')).toBeNull()
  })

  it('is only ever a quicker read: for the wrong keys it is never taken', async () => {
    const fs = stub()
    fs.put(['duban-warm', 'other'], 'dataset.json', 'x')
    fs.put(['duban-warm', 'd'], 'dataset.json', 'mine')
    readAhead(['other'], 'dataset.json', 'text')
    expect(await readText(['d'], 'dataset.json')).toBe('mine')
  })
})
