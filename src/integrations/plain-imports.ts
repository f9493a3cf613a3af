/**
 * Vite wraps every dynamic import of client code in its preload helper (`__vitePreload`), a 0.7 KB
 * gzip file that fetches the imported chunk's stylesheets and dependencies in parallel. Here it has
 * nothing to do: a page already carries the styles of everything it renders, and modulePreload is
 * off, so every call is `helper(() => import("./x.js"), [])`. This plugin writes those calls back
 * as the plain `import("./x.js")` and drops the helper once no chunk uses it, so a page whose only
 * script is a chart's Tab stop (lib/charts.ts) does not load it. A call with dependencies is left
 * as it is.
 */
import type { Plugin } from 'vite';

const HELPER_IMPORT = /import\{_ as ([\w$]+)\}from"\.\/(preload-helper\.[\w-]+\.js)";/;

/** A chunk's code with its preload-helper calls that list no dependency written as plain imports. */
export function plainImports(code: string): { code: string; helper: string | null } {
  const m = HELPER_IMPORT.exec(code);
  if (!m) return { code, helper: null };
  const [statement, name, file] = m as unknown as [string, string, string];
  const call = new RegExp(
    `(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\(\\(\\)=>(import\\("[^"]+"\\)(?:\\.then\\(\\(?([\\w$]+)\\)?=>\\2\\.[\\w$]+\\))?),\\[\\]\\)`,
    'g',
  );
  let out = code.replace(call, '$1');
  // Minified code reuses short names in other scopes: a helper call is known by its shape.
  const stillUsed = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\((?:async)?\\(\\)=>`).test(
    out.replace(statement, ''),
  );
  if (!stillUsed) out = out.replace(statement, '');
  return { code: out, helper: stillUsed ? file : null };
}

export function plainDynamicImports(): Plugin {
  return {
    name: 'plain-dynamic-imports',
    apply: 'build',
    enforce: 'post',
    // After Vite's own generateBundle, which fills in each call's list of dependencies.
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        let helperFile: string | undefined;
        let helperUsed = false;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          if (
            /^_astro\/preload-helper\./.test(chunk.fileName) ||
            /(^|\/)preload-helper\.[\w-]+\.js$/.test(chunk.fileName)
          ) {
            helperFile = chunk.fileName;
            continue;
          }
          const { code, helper } = plainImports(chunk.code);
          if (code === chunk.code) continue;
          chunk.code = code;
          if (helper) helperUsed = true;
          else chunk.imports = chunk.imports.filter((f) => !/preload-helper\./.test(f));
        }
        const named = Object.values(bundle).some(
          (c) => c.type === 'chunk' && helperFile && c.code.includes(helperFile.split('/').at(-1)!),
        );
        if (helperFile && !helperUsed && !named) delete bundle[helperFile];
      },
    },
  };
}
