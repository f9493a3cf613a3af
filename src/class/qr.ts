/**
 * A QR code as one SVG path (uqr's encoder, drawn here: no image service, no style attribute). Dark
 * modules are one unit squares in a viewBox of the code's size with its quiet zone; the path is
 * drawn in CanvasText-safe ink on a light square, since scanners need dark on light in either theme.
 */
import { encode } from 'uqr';

/** The path data of the dark modules, and the size of the square (modules, quiet zone included). */
export function qrPath(text: string): { d: string; size: number } {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { d, size };
}

/** Draws the code into `svg` (a square: its width and height come from the page's CSS). */
export function drawQr(svg: SVGSVGElement, text: string): void {
  const { d, size } = qrPath(text);
  const NS = 'http://www.w3.org/2000/svg';
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const back = document.createElementNS(NS, 'rect');
  back.setAttribute('class', 'qr-back');
  back.setAttribute('width', String(size));
  back.setAttribute('height', String(size));
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('class', 'qr-ink');
  path.setAttribute('d', d);
  svg.replaceChildren(back, path);
}
