import { createRequire } from 'node:module';

let require: NodeJS.Require | undefined;

/**
 * A dependency loaded on first use. Start-up pays only for what a run needs: checking one
 * text file does not load the HTML parser, the zip reader, the GBK decoder or the YAML writer.
 */
export function lazy<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= (require ??= createRequire(import.meta.url))(id) as T);
}

// Lent by bin/load-cli.js to the bundled CLI: Node 20 loses import() in code run from a V8
// code cache made in another process (the cache drops the script's host options).
declare const loaderImport: ((specifier: string) => Promise<unknown>) | undefined;

/** import() of an ES-module-only dependency (pdf.js), on first use. */
export function importOnDemand<T>(specifier: string): Promise<T> {
  return (typeof loaderImport === 'function' ? loaderImport(specifier) : import(specifier)) as Promise<T>;
}
