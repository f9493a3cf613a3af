/** Table formatting shared by the bench's reports. */
export const KB = 1024;
/** Bytes as KB with one decimal. */
export const k = (n) => (n / KB).toFixed(1);
export const pad = (s, n) => String(s).padEnd(n);
export const padL = (s, n) => String(s).padStart(n);
/** The median of numbers (the mean of the middle two for an even count). */
export const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
