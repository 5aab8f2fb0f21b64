import type { Rasterizer } from './bulletin'

/**
 * Charts as PNG in the browser: the SVG is drawn onto a canvas at twice its size. Its text
 * uses the viewer's fonts (the page's embedded font is not visible to an image); a chart
 * that cannot be drawn is null, and the document says so in its place.
 */
export const canvasRasterizer: Rasterizer = async svgs => Promise.all(svgs.map(async ({ svg, width, height }) => {
  try {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
    try {
      const img = new Image(width, height)
      img.src = url
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = Math.ceil(width * 2)
      canvas.height = Math.ceil(height * 2)
      const g = canvas.getContext('2d')!
      g.fillStyle = '#fff'
      g.fillRect(0, 0, canvas.width, canvas.height)
      g.drawImage(img, 0, 0, canvas.width, canvas.height)
      const blob = await new Promise<Blob | null>(resolve => canvas.toBlob(resolve, 'image/png'))
      return blob ? new Uint8Array(await blob.arrayBuffer()) : null
    }
    finally {
      URL.revokeObjectURL(url)
    }
  }
  catch {
    return null
  }
}))
