/** A localStorage stand-in for store tests in Node: what was written, readable as `m`. */
export class MemoryStorage {
  m = new Map<string, string>()
  getItem(k: string) {
    return this.m.get(k) ?? null
  }

  setItem(k: string, v: string) {
    this.m.set(k, v)
  }

  removeItem(k: string) {
    this.m.delete(k)
  }
}
