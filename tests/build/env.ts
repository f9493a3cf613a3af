/**
 * The environment of a plain shell for child `astro build` runs: without the variables the test
 * runner sets for itself (VITEST*, and the import.meta.env mirror BASE_URL/MODE/DEV/PROD/SSR, which
 * a child Vite would otherwise take as its own and, for BASE_URL, ignore the configured base).
 */
export function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(VITEST.*|VITE_.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/.test(k)) env[k] = v;
  }
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}
