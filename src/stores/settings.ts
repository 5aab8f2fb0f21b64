import type { RuleSettings } from '../domain/settings'
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { saveLocal } from '../app/persist/storage'
import { withDefaults } from '../domain/settings'

const KEY = 'duban.settings'
const WATERMARK_KEY = 'duban.watermark'

function restore(): RuleSettings {
  try {
    const raw = localStorage.getItem(KEY)
    return withDefaults(raw ? JSON.parse(raw) as Partial<RuleSettings> : {})
  }
  catch {
    return withDefaults()
  }
}

/** Targets and rule settings, kept in the browser between visits. */
export const useSettingsStore = defineStore('settings', () => {
  const rules = ref<RuleSettings>(restore())
  // A refused write keeps the edit for this tab and tells the user (the shell shows it).
  watch(rules, v => saveLocal(KEY, JSON.stringify(v), 'settings'), { deep: true })
  function reset() {
    rules.value = withDefaults()
  }
  // The exports' watermark text (bulletin, 督办单): kept beside the rules, not part of them.
  const watermark = ref(localStorage.getItem(WATERMARK_KEY) ?? '')
  watch(watermark, v => saveLocal(WATERMARK_KEY, v, 'settings'))
  return { rules, reset, watermark }
})
