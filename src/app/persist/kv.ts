import { clear, createStore, del, delMany, get, getMany, keys, set, setMany } from 'idb-keyval'

/** The few key-value operations persistence needs; IndexedDB in the browser, a Map in tests. */
export interface Kv {
  get: <T>(key: string) => Promise<T | undefined>
  getMany: <T>(keys: string[]) => Promise<Array<T | undefined>>
  set: (key: string, value: unknown) => Promise<void>
  /** All or nothing (one IndexedDB transaction). */
  setMany: (entries: Array<[string, unknown]>) => Promise<void>
  delMany: (keys: string[]) => Promise<void>
  del: (key: string) => Promise<void>
  keys: () => Promise<string[]>
  clear: () => Promise<void>
}

export function idbKv(dbName = 'duban', storeName = 'imports'): Kv {
  const store = createStore(dbName, storeName)
  return {
    get: k => get(k, store),
    getMany: ks => getMany(ks, store),
    set: (k, v) => set(k, v, store),
    setMany: e => setMany(e, store),
    delMany: ks => delMany(ks, store),
    del: k => del(k, store),
    keys: async () => (await keys(store)).map(String),
    clear: () => clear(store),
  }
}

export function memoryKv(): Kv & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>()
  return {
    map,
    get: async <T>(k: string) => map.get(k) as T | undefined,
    getMany: async <T>(ks: string[]) => ks.map(k => map.get(k) as T | undefined),
    set: async (k, v) => {
      map.set(k, structuredClone(v))
    },
    setMany: async (e) => {
      for (const [k, v] of e)
        map.set(k, structuredClone(v))
    },
    delMany: async (ks) => {
      for (const k of ks)
        map.delete(k)
    },
    del: async (k) => {
      map.delete(k)
    },
    keys: async () => [...map.keys()],
    clear: async () => map.clear(),
  }
}
