/**
 * The kit's scales, used at build time (chart data is positioned before it ships, so the client
 * carries no scale code). Positions are SVG percentages: 0–100.
 */
import { scaleLinear } from 'd3-scale';

/**
 * A share of 0–100% to a position of 0–100% of the drawing's width, clamped. Marked pure so that a
 * client module importing only pct() (Bar does) leaves d3-scale out of the island's bundle.
 */
export const shareScale = /* @__PURE__ */ scaleLinear().domain([0, 100]).range([0, 100]).clamp(true);

/** A position of 0–100 as an SVG length. */
export const pct = (x: number): string => `${x}%`;
