import { daysFromCivil, fromDayNumber, pad2 } from './civil'

// Serial 1 is 1900-01-01, so the serial counts days from 1899-12-31. Excel (after Lotus 1-2-3)
// also believes 1900 was a leap year: serial 60 is the non-existent 1900-02-29 and every later
// serial is one day ahead of the true count.
const SERIAL_ZERO = daysFromCivil(1899, 12, 31)
const PHANTOM_LEAP_DAY = 60
// 9999-12-31 23:59:59 is the last moment Excel can represent.
const MAX_SERIAL = 2958466

/**
 * Converts an Excel 1900-system serial (as stored in .xlsx cells) to 'YYYY-MM-DD HH:mm:ss'.
 * The serial is a wall-clock reading with no zone, so it is taken as China time unchanged.
 * Serial 60 gives '1900-02-29', the day Excel believes in; 0 ≤ serial < 1 (a bare time)
 * lands on 1899-12-31, which Excel shows as 1900-01-00. Throws RangeError outside 0–2958465.99….
 */
export function excelSerialToChina(serial: number): string {
  if (typeof serial !== 'number' || !Number.isFinite(serial) || serial < 0 || serial >= MAX_SERIAL)
    throw new RangeError(`Excel 日期序号超出范围: ${serial} / Excel serial date out of range: ${serial}`)
  // Rounding the whole product to the second absorbs binary noise in the fraction
  // (14:05:09 is not exactly representable) the way Excel's own display does.
  const totalSeconds = Math.round(serial * 86400)
  const day = Math.floor(totalSeconds / 86400)
  const secondOfDay = totalSeconds - day * 86400
  const date = day === PHANTOM_LEAP_DAY
    ? '1900-02-29'
    : fromDayNumber(SERIAL_ZERO + (day > PHANTOM_LEAP_DAY
        ? day - 1
        : day))
  const hh = Math.floor(secondOfDay / 3600)
  const mm = Math.floor((secondOfDay % 3600) / 60)
  return `${date} ${pad2(hh)}:${pad2(mm)}:${pad2(secondOfDay % 60)}`
}
