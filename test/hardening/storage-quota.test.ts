import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { isQuotaError, saveLocal, storageProblem } from '../../src/app/persist/storage'
import { DEFAULT_SETTINGS } from '../../src/domain/settings'
import { saveFailedNotice } from '../../src/stores/imports'
import { useSettingsStore } from '../../src/stores/settings'

/** A localStorage that is full: reads work, every write throws as Chromium does. */
class FullStorage {
  m = new Map<string, string>()
  writes = 0
  getItem(k: string) {
    return this.m.get(k) ?? null
  }

  setItem(_k: string, _v: string) {
    this.writes++
    throw new DOMException('Setting the value of \'duban.settings\' exceeded the quota.', 'QuotaExceededError')
  }
}

describe('a full or refusing browser storage', () => {
  let storage: FullStorage
  beforeEach(() => {
    storage = new FullStorage()
    globalThis.localStorage = storage as unknown as Storage
    storageProblem.value = null
    setActivePinia(createPinia())
  })
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage
  })

  it('keeps an edited setting for this tab and reports the full storage instead of throwing', async () => {
    const s = useSettingsStore()
    s.rules.warningWd = 3
    await nextTick()
    expect(storage.writes).toBe(1)
    expect(s.rules.warningWd).toBe(3)
    expect(storageProblem.value).toEqual({ what: 'settings', quota: true, msg: expect.stringContaining('quota') })
    s.rules.targets.materials = 0.5
    await nextTick()
    expect(s.rules).toEqual({ ...DEFAULT_SETTINGS, warningWd: 3, targets: { ...DEFAULT_SETTINGS.targets, materials: 0.5 } })
  })

  it('tells a refused write from a full one, and clears the message once a write of that kind succeeds', () => {
    storage.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    expect(saveLocal('duban.theme', 'dark', 'theme')).toBe(false)
    expect(storageProblem.value).toEqual({ what: 'theme', quota: false, msg: 'The operation is insecure' })
    storage.setItem = (k: string, v: string) => {
      storage.m.set(k, v)
    }
    expect(saveLocal('duban.locale', 'en', 'locale')).toBe(true)
    expect(storageProblem.value?.what).toBe('theme')
    expect(saveLocal('duban.theme', 'dark', 'theme')).toBe(true)
    expect(storageProblem.value).toBeNull()
    expect(storage.m.get('duban.theme')).toBe('dark')
  })

  it('recognises quota errors by name, legacy code and message', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true)
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true)
    expect(isQuotaError({ code: 22 })).toBe(true)
    expect(isQuotaError(new Error('Transaction aborted: quota exceeded'))).toBe(true)
    expect(isQuotaError(new Error('injected failure'))).toBe(false)
    expect(isQuotaError(null)).toBe(false)
  })

  it('an IndexedDB write refused for quota gets its own advice; any other failure names its cause', () => {
    expect(saveFailedNotice(new DOMException('injected failure', 'QuotaExceededError'))).toEqual({ type: 'error', key: 'quotaExceeded' })
    expect(saveFailedNotice(new Error('disk I/O error.'))).toEqual({ type: 'error', key: 'saveFailed', params: { msg: 'disk I/O error' } })
  })
})
