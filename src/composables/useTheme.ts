import { ref, watch } from 'vue'
import { saveLocal } from '../app/persist/storage'

const KEY = 'duban.theme'
const dark = ref(typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === 'dark')

watch(dark, (v) => {
  document.documentElement.classList.toggle('dark', v)
  saveLocal(KEY, v ? 'dark' : 'light', 'theme')
}, { immediate: typeof document !== 'undefined' })

/** Light and dark themes: Element Plus reads the `dark` class; charts re-render with theirs. */
export function useTheme() {
  return { dark }
}
