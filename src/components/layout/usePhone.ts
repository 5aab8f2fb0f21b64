import { onBeforeUnmount, ref } from 'vue'

/** The phone layout's breakpoint: at or below it the navigation and the filters move behind buttons. */
export const PHONE_QUERY = '(max-width: 768px)'

/** Whether the window is phone-sized now; follows rotation and resizing. */
export function usePhone() {
  const query = typeof window !== 'undefined' ? window.matchMedia(PHONE_QUERY) : null
  const phone = ref(query?.matches ?? false)
  const follow = (e: MediaQueryListEvent) => {
    phone.value = e.matches
  }
  query?.addEventListener('change', follow)
  onBeforeUnmount(() => query?.removeEventListener('change', follow))
  return phone
}
