/// <reference types="astro/client" />

/** The island loader's table, written from the chart folders (src/integrations/chart-islands.ts). */
declare module 'virtual:islands' {
  const islands: Readonly<Record<string, () => Promise<{ default: unknown }>>>;
  export default islands;
}
