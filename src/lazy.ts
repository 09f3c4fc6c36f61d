type NodeModuleApi = { createRequire(from: string | URL): NodeJS.Require };

// 'node:module' costs a few milliseconds to load (it brings source-map support along): a run
// that needs no lazy dependency (one text file) never loads it. Node 20.16+ hands it out on
// demand; older releases load it here, as before.
const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
const preloaded: NodeModuleApi | null = typeof getBuiltinModule === 'function' ? null : await import('node:module');

/** A CommonJS require resolving from `from` (a module URL or a path). */
export function requireFrom(from: string | URL): NodeJS.Require {
  const api = preloaded ?? (getBuiltinModule?.call(process, 'node:module') as NodeModuleApi);
  return api.createRequire(from);
}

let require: NodeJS.Require | undefined;

/**
 * A dependency loaded on first use. Start-up pays only for what a run needs: checking one
 * text file does not load the HTML parser, the zip reader, the GBK decoder or the YAML writer.
 */
export function lazy<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= (require ??= requireFrom(import.meta.url))(id) as T);
}
