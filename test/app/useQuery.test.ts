import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { useQuery } from '../../src/composables/useQuery'

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const flush = async () => {
  for (let i = 0; i < 5; i++)
    await nextTick()
}

describe('useQuery', () => {
  it('never lets a stale result overwrite a newer one', async () => {
    const params = ref('A')
    const pending = new Map<string, ReturnType<typeof deferred<string>>>()
    const q = useQuery({
      params,
      run: (p: string) => {
        const d = deferred<string>()
        pending.set(p, d)
        return d.promise
      },
    })
    await flush()
    params.value = 'B'
    await flush()
    expect(q.isLoading.value).toBe(true)
    pending.get('B')!.resolve('result B')
    await flush()
    expect(q.data.value).toBe('result B')
    // The slow answer for the old filter arrives last and must be dropped.
    pending.get('A')!.resolve('result A')
    await flush()
    expect(q.data.value).toBe('result B')
    expect(q.isLoading.value).toBe(false)
  })

  it('drops a stale error too, and reports the newest one', async () => {
    const params = ref(1)
    const pending: Array<ReturnType<typeof deferred<number>>> = []
    const q = useQuery({
      params,
      run: () => {
        const d = deferred<number>()
        pending.push(d)
        return d.promise
      },
    })
    await flush()
    params.value = 2
    await flush()
    pending[0]!.reject(new Error('old failure'))
    pending[1]!.resolve(2)
    await flush()
    expect([q.data.value, q.error.value]).toEqual([2, null])
    params.value = 3
    await flush()
    pending[2]!.reject(new Error('new failure'))
    await flush()
    expect(q.error.value).toBe('new failure')
    expect(q.data.value).toBe(2) // the last good figures stay on screen
  })

  it('does not run while its params are null', async () => {
    let runs = 0
    const params = ref<string | null>(null)
    useQuery({
      params,
      run: async () => {
        runs++
        return 1
      },
    })
    await flush()
    expect(runs).toBe(0)
    params.value = 'x'
    await flush()
    expect(runs).toBe(1)
  })
})
