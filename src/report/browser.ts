/**
 * The report page's engine, loaded only when a bulletin is previewed or published, so
 * the renderer, ECharts' SSR path, the font subsetter and jszip stay out of the app's
 * first load.
 */
export { browserFontAssets } from './font/assets-browser'
export { DEFAULT_ISSUER, publishMonth, siteZip } from './publish'
export { bulletinDocx } from './docx/bulletin'
export { canvasRasterizer } from './docx/raster-browser'
