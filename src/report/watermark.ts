import { html } from './html'

/** A watermark as the user writes it: one line, at most this many characters. */
export const WATERMARK_MAX = 60

/** Trims the text to one short line; an empty text means no watermark. */
export function cleanWatermark(text: string | null | undefined): string | null {
  const s = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, WATERMARK_MAX)
  return s || null
}

/**
 * The watermark's style: a fixed layer (so print repeats it on every page), rotated,
 * light grey and behind nothing — it never hides a figure and is not selectable.
 */
export const WATERMARK_CSS = `
.watermark{position:fixed;inset:-30%;z-index:9;pointer-events:none;user-select:none;display:flex;flex-wrap:wrap;align-content:space-around;justify-content:space-around;gap:28mm 18mm;transform:rotate(-30deg);color:rgba(60,60,60,.11);font-size:15pt;font-weight:700;line-height:1;white-space:nowrap;overflow:hidden}
.watermark span{display:block}
@media print{.watermark{color:rgba(60,60,60,.12);-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`

/** The watermark layer's markup: the text repeated to cover the page, escaped like any data. */
export function watermarkLayer(text: string | null | undefined) {
  const s = cleanWatermark(text)
  if (!s)
    return ''
  return html`<div class="watermark" aria-hidden="true">${Array.from({ length: 60 }, () => html`<span>${s}</span>`)}</div>`
}
