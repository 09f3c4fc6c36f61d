/**
 * The page's stand-in for shared/lazy.ts (swapped in by the site build, src/web/build.ts):
 * there is no require in a browser, so the readers' dependencies are bundled and handed out
 * from here. Loading stays on first use for what is heavy (pdf.js: see pdf.ts).
 */
import * as domutils from 'domutils';
import * as fflate from 'fflate';
import * as htmlparser2 from 'htmlparser2';
import * as yaml from 'yaml';
import { iconvInBrowser } from './iconv.js';

const BUNDLED: Record<string, unknown> = {
  domutils,
  fflate,
  htmlparser2,
  'iconv-lite': iconvInBrowser,
  // A province's pack the user picks (packs/yaml-parse.ts).
  yaml,
};

export function lazy<T>(id: string): () => T {
  return () => {
    if (!(id in BUNDLED)) throw new Error(`自查网页未包含模块 ${id}`);
    return BUNDLED[id] as T;
  };
}

export function importOnDemand<T>(specifier: string): Promise<T> {
  return Promise.reject(new Error(`自查网页不能按需加载 ${specifier}`));
}
