/**
 * The kit's scales, used at build time only (chart data is positioned before it ships, so the
 * client carries no scale code: no component may import this module; tests/unit/client-code.test.ts
 * checks). Positions are SVG percentages: 0–100; layout.ts has `pct` for components.
 */
import { scaleLinear } from 'd3-scale';

/** A share of 0–100% to a position of 0–100% of the drawing's width, clamped: always the full axis, never truncated (EDITORIAL.md). */
export const shareScale = scaleLinear().domain([0, 100]).range([0, 100]).clamp(true);
