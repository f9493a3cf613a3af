/** Text helpers for the static (SVG/PNG) exports, where text must be broken into lines by hand. */

/** Average advance of Source Sans 3 glyphs, in ems, for estimating line length (slightly generous). */
const EM_PER_CHAR: Record<'regular' | 'bold', number> = { regular: 0.5, bold: 0.54 };

/** Greedy word wrap to a pixel width at a font size; never splits a word. */
export function wrap(text: string, width: number, fontSize: number, weight: 'regular' | 'bold' = 'regular'): string[] {
  const max = Math.max(8, Math.floor(width / (fontSize * EM_PER_CHAR[weight])));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Escapes text for SVG/XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
