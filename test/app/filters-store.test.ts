import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { useFiltersStore } from '../../src/stores/filters'

const Blank = defineComponent({ render: () => h('div') })

async function setup(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: Blank }] })
  const pinia = createPinia()
  const app = createApp(Blank)
  app.use(router).use(pinia)
  setActivePinia(pinia)
  await router.push(path)
  await router.isReady()
  // The store reads the route through inject(): give it the app's context without a DOM.
  const store = app.runWithContext(() => useFiltersStore())
  return { router, store }
}

describe('filters store: the URL is the state', () => {
  it('reads valid filters from the query and ignores malformed ones', async () => {
    const { store } = await setup('/?asOf=2024-10-16&month=2024-13&dept=区人社局&channel=窗口')
    expect([store.asOf, store.month, store.dept, store.channel, store.bundle]).toEqual(['2024-10-16', null, '区人社局', '窗口', null])
  })

  it('writes changes back to the URL, so a copied link reopens the view', async () => {
    const { router, store } = await setup('/schedule?asOf=2024-10-16')
    store.set({ dept: '区数据局', month: '2024-10' })
    await new Promise(r => setTimeout(r, 0))
    expect(router.currentRoute.value.fullPath).toBe(`/schedule?asOf=2024-10-16&dept=${encodeURIComponent('区数据局')}&month=2024-10`)
    store.clear()
    await new Promise(r => setTimeout(r, 0))
    expect(router.currentRoute.value.fullPath).toBe('/schedule?asOf=2024-10-16')
  })
})
