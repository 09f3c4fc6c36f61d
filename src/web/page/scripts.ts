/** A classic script of the site, added on demand (file:// allows these, not modules or fetch). */
export function loadScript(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = name;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`无法加载 ${name}`));
    document.head.appendChild(script);
  });
}

/** Thrown where code needs a script the page has not loaded yet: load it, then run again. */
export class ScriptNeeded extends Error {
  constructor(readonly script: string) {
    super(`需要先加载 ${script}`);
  }
}

/** Run `task`, loading each on-demand script it asks for (ScriptNeeded) and running it again. */
export async function withScripts<T>(task: () => T | Promise<T>): Promise<T> {
  const loaded = new Set<string>();
  for (;;) {
    try {
      return await task();
    } catch (e) {
      if (!(e instanceof ScriptNeeded) || loaded.has(e.script)) throw e;
      loaded.add(e.script);
      await loadScript(e.script);
    }
  }
}
