import type { LedgerState } from '../ingest/ledger/state'
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { ledgerKeyOf, readLedger, writeLedger } from '../app/persist/ledger'
import { emptyLedger, suggestedReviewDates, withDate, withNote, withoutDate } from '../ingest/ledger/state'
import { useDatasetStore } from './dataset'
import { chinaToday } from '../domain/dates'

/**
 * The review dates and notes kept with the data set on screen. Until the user keeps dates of
 * their own, the month ends of the data are suggested (domain §8a); the first edit keeps them.
 */
export const useLedgerStore = defineStore('ledger', () => {
  const datasets = useDatasetStore()
  const key = computed(() => (datasets.datasetId ? ledgerKeyOf(datasets.datasetId) : null))
  const state = ref<LedgerState>(emptyLedger())

  function reload() {
    state.value = key.value ? readLedger(key.value) : emptyLedger()
  }
  watch(key, reload, { immediate: true })

  const suggested = computed(() => (datasets.dataset ? suggestedReviewDates(datasets.dataset, datasets.defaultAsOf, chinaToday()) : []))
  /** Whether the dates shown are the user's own or the suggestion. */
  const kept = computed(() => state.value.reviewDates.length > 0)
  const reviewDates = computed(() => (kept.value ? state.value.reviewDates : suggested.value))

  function save(next: LedgerState) {
    state.value = next
    if (key.value)
      writeLedger(key.value, next)
  }

  function addDate(date: string) {
    save(withDate({ ...state.value, reviewDates: reviewDates.value }, date))
  }

  function removeDate(date: string) {
    save(withoutDate({ ...state.value, reviewDates: reviewDates.value }, date))
  }

  function resetDates() {
    save({ ...state.value, reviewDates: [] })
  }

  function setNote(itemKey: string, note: string, person: string) {
    save(withNote(state.value, itemKey, note, person, new Date().toISOString()))
  }

  return { key, state, suggested, kept, reviewDates, reload, addDate, removeDate, resetDates, setNote }
})
