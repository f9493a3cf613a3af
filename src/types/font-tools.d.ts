/** The two font packages used at build time that ship no types of their own (src/lib/font-subset.ts). */
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    /** Pin an axis to a value or narrow its range; axes not named keep their full range. */
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
  }
  /** A subset of `font` with the glyphs of `text` (and what shaping them can reach). */
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}

declare module 'fontverter' {
  const fontverter: {
    convert(font: Uint8Array, to: 'sfnt' | 'truetype' | 'woff' | 'woff2', from?: string): Promise<Buffer>;
    detectFormat(font: Uint8Array): string;
  };
  export default fontverter;
}
