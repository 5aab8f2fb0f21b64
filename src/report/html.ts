import { escapeHtml } from '../domain/text/escape'
import { maskText } from '../domain/text/mask'

/**
 * A tiny HTML template: every interpolated string is masked for phone and ID numbers and
 * escaped, unless it is already `Html` built by this module. Data text can only reach the
 * page through here, so no value from a file can open a tag or carry a phone number.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type Part = Html | string | number | null | undefined | false | Part[]

function render(p: Part): string {
  if (p === null || p === undefined || p === false)
    return ''
  if (p instanceof Html)
    return p.value
  if (Array.isArray(p))
    return p.map(render).join('')
  if (typeof p === 'number')
    return escapeHtml(String(p))
  return escapeHtml(maskText(p))
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!
  parts.forEach((p, i) => {
    out += render(p) + strings[i + 1]!
  })
  return new Html(out)
}

/** Escaped but not masked: hashes and other machine text that only looks like numbers. */
export function verbatim(s: string): Html {
  return new Html(escapeHtml(s))
}

/** Trusted markup produced by the project itself (SVG from the chart renderer). */
export function trusted(s: string): Html {
  return new Html(s)
}

export function join(parts: Part[], sep = ''): Html {
  return new Html(parts.map(render).join(sep))
}

/** A string inside a CSS `content: "…"`: quotes, backslashes, newlines and `<` escaped. */
export function cssString(s: string): string {
  return `"${maskText(s).replace(/[\\"<>\n\r]/g, c => `\\${c.charCodeAt(0).toString(16)} `)}"`
}
