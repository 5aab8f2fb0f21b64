import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { DEFAULT_SETTINGS } from '../../src/domain/settings'
import { useSettingsStore } from '../../src/stores/settings'
import { MemoryStorage } from '../helpers/memory-storage'

describe('settings store', () => {
  beforeEach(() => {
    globalThis.localStorage = new MemoryStorage() as unknown as Storage
    setActivePinia(createPinia())
  })

  it('starts from the spec defaults', () => {
    expect(useSettingsStore().rules).toEqual(DEFAULT_SETTINGS)
  })

  it('keeps edited settings across a reload', async () => {
    const s = useSettingsStore()
    s.rules.warningWd = 3
    s.rules.targets.materials = 0.5
    await nextTick()
    setActivePinia(createPinia())
    const again = useSettingsStore()
    expect(again.rules.warningWd).toBe(3)
    expect(again.rules.targets).toEqual({ ...DEFAULT_SETTINGS.targets, materials: 0.5 })
    again.reset()
    expect(again.rules).toEqual(DEFAULT_SETTINGS)
  })

  it('survives a corrupted stored value', () => {
    localStorage.setItem('duban.settings', '{not json')
    expect(useSettingsStore().rules).toEqual(DEFAULT_SETTINGS)
  })
})
