/**
 * Bytes → text. Excel and WPS save CSV as GBK/GB18030 unless told otherwise, and some
 * platforms export UTF-16 with a BOM, so the encoding is detected rather than assumed.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodedText { text: string, encoding: TextEncodingName }

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (bytes[0] === 0xFF && bytes[1] === 0xFE)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xFE && bytes[1] === 0xFF)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    // Valid UTF-8 is rarely valid by accident for Chinese GBK text, so a strict decode decides.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  }
  catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
}
