/**
 * The page's stand-in for shared/lazy.ts (swapped in by the site build, src/web/build.ts):
 * there is no require in a browser, so the readers' dependencies are bundled and handed out
 * from here; what is heavy and rarely needed (the YAML parser; pdf.js, see pdf.ts) is a
 * script of its own, loaded on first use.
 */
import * as domutils from 'domutils';
import * as fflate from 'fflate';
import * as htmlparser2 from 'htmlparser2';
import { iconvInBrowser } from './iconv.js';
import { ScriptNeeded } from './scripts.js';

const BUNDLED: Record<string, unknown> = {
  domutils,
  fflate,
  htmlparser2,
  'iconv-lite': iconvInBrowser,
};

/** Loaded by a script of their own when first needed (see withScripts). */
const ON_DEMAND: Record<string, { script: string; global: string }> = {
  // A province's pack the user picks (packs/yaml-parse.ts).
  yaml: { script: 'yaml.js', global: 'fazhiYaml' },
};

export function lazy<T>(id: string): () => T {
  return () => {
    if (id in BUNDLED) return BUNDLED[id] as T;
    const later = ON_DEMAND[id];
    if (!later) throw new Error(`自查网页未包含模块 ${id}`);
    const loaded = (globalThis as Record<string, unknown>)[later.global];
    if (loaded === undefined) throw new ScriptNeeded(later.script);
    return loaded as T;
  };
}

export function importOnDemand<T>(specifier: string): Promise<T> {
  return Promise.reject(new Error(`自查网页不能按需加载 ${specifier}`));
}
