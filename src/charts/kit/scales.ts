/**
 * The kit's scales, used at build time (chart data is positioned before it ships, so the client
 * carries no scale code). Positions are SVG percentages: 0–100.
 */
import { scaleLinear } from 'd3-scale';

/** A share of 0–100% to a position of 0–100% of the drawing's width, clamped. */
export const shareScale = scaleLinear().domain([0, 100]).range([0, 100]).clamp(true);

/** A position of 0–100 as an SVG length. */
export const pct = (x: number): string => `${x}%`;
