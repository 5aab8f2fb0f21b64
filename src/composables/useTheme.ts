import { ref, watch } from 'vue'

const KEY = 'duban.theme'
const dark = ref(typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === 'dark')

watch(dark, (v) => {
  document.documentElement.classList.toggle('dark', v)
  localStorage.setItem(KEY, v ? 'dark' : 'light')
}, { immediate: typeof document !== 'undefined' })

/** Light and dark themes: Element Plus reads the `dark` class; charts re-render with theirs. */
export function useTheme() {
  return { dark }
}
