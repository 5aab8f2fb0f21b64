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
 * light enough to read through, not selectable, and ignoring the pointer.
 */
export const WATERMARK_CSS = `
.watermark{position:fixed;top:0;left:0;right:0;bottom:0;z-index:9;pointer-events:none;user-select:none;overflow:hidden;color:rgba(60,60,60,.11);font-size:15pt;font-weight:700}
.watermark div{position:absolute;top:-100%;left:-100%;width:300%;height:300%;transform:rotate(-30deg);line-height:24mm}
.watermark span{display:inline-block;margin:0 8mm;white-space:nowrap}
@media print{.watermark{color:rgba(60,60,60,.12);-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`

/** The watermark layer's markup: the text repeated to cover the page, escaped like any data. */
export function watermarkLayer(text: string | null | undefined) {
  const s = cleanWatermark(text)
  if (!s)
    return ''
  return html`<div class="watermark" aria-hidden="true"><div>${Array.from({ length: 400 }, () => html`<span>${s}</span>`)}</div></div>`
}
