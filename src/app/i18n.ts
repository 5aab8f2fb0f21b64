import { createI18n } from 'vue-i18n'
import en from '../locales/en'
import zh from '../locales/zh-CN'

export type AppLocale = 'zh-CN' | 'en'

const saved = (typeof localStorage !== 'undefined' ? localStorage.getItem('duban.locale') : null) as AppLocale | null

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
})
