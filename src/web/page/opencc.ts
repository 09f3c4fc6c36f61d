/**
 * The page's stand-in for opencc-js/t2cn (text/script.ts), swapped in by the site build: the
 * traditional → simplified tables are a script of their own (opencc.js), loaded only for a
 * report that has traditional characters (the first use throws ScriptNeeded; see withScripts).
 */
import { ScriptNeeded } from './scripts.js';

interface OpenCCGlobal {
  Locale: { configs: Record<string, unknown> };
  Trie: new () => unknown;
}

function opencc(): OpenCCGlobal {
  const loaded = (globalThis as { fazhiOpenCC?: OpenCCGlobal }).fazhiOpenCC;
  if (!loaded) throw new ScriptNeeded('opencc.js');
  return loaded;
}

export const Locale = {
  get configs() {
    return opencc().Locale.configs;
  },
};

/** `new Trie()` gives the library's own trie (a constructor may return another object). */
export function Trie(): unknown {
  return new (opencc().Trie)();
}
