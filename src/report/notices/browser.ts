/**
 * What the 督办单 page loads lazily: the notice model and its renderers (HTML, text, Word,
 * zip), kept out of the app's first load like the report engine.
 */
export { noticesDocx, noticesZip } from './docx'
export { gatherNotices, LEVEL_WORDS, NOTICE_KIND, noticeFileNames } from './model'
export { noticeHtml, noticeText } from './render'
