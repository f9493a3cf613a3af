/// <reference types="astro/client" />

/** The island loader's table: every island and the on-demand explorer (src/integrations/chart-islands.ts). */
declare module 'virtual:islands' {
  const islands: Readonly<Record<string, () => Promise<unknown>>>;
  export default islands;
}
