import { createI18n } from 'vue-i18n'
import appMessages from '../locales/applications'
import dataMessages from '../locales/data'
import en from '../locales/en'
import evalMessages from '../locales/evaluations'
import ledgerMessages from '../locales/ledger'
import noticeMessages from '../locales/notices'
import reportMessages from '../locales/report'
import reviewMessages from '../locales/review'
import zh from '../locales/zh-CN'

export type AppLocale = 'zh-CN' | 'en'

const saved = (typeof localStorage !== 'undefined' ? localStorage.getItem('duban.locale') : null) as AppLocale | null

// Each area keeps its messages in its own file (locales/<area>.ts, { zh, en }), merged here.
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: {
    'zh-CN': { ...zh, data: dataMessages.zh, report: reportMessages.zh, review: reviewMessages.zh, evaluations: evalMessages.zh, applications: appMessages.zh, ledger: ledgerMessages.zh, ...noticeMessages.zh },
    'en': { ...en, data: dataMessages.en, report: reportMessages.en, review: reviewMessages.en, evaluations: evalMessages.en, applications: appMessages.en, ledger: ledgerMessages.en, ...noticeMessages.en },
  },
})
