import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency loaded on first use. Start-up pays only for what a run needs: checking one
 * text file does not load the HTML parser, the zip reader, the GBK decoder or the YAML writer.
 */
export function lazy<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
