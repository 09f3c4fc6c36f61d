import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleSet } from '../engine/compile.js';
import { BUILTIN_DIR, CACHE_COPIES, CACHE_FILE, loadPackFile, loadPackSet, type PackCache } from './load.js';
import { writeNeedsCache } from './prefilter.js';
import { assertSafeRegexes } from './redos.js';
import { yaml } from './yaml-file.js';

/**
 * Build step (npm run build): parse and validate the built-in packs once and store them
 * with a copy of each file, so a run on the built-in packs starts without YAML parsing or Ajv.
 */
export async function writePackCache(): Promise<number> {
  // The cache marks these packs as trusted, so their regexes are analysed for ReDoS here.
  const builtins = readdirSync(BUILTIN_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(BUILTIN_DIR, f));
  const ruleSet = compileRuleSet(loadPackSet(builtins));
  await assertSafeRegexes(ruleSet.regexes);
  writeNeedsCache(ruleSet.plan.patterns.map((p) => p.re));
  const entries: PackCache = {};
  rmSync(CACHE_COPIES, { recursive: true, force: true });
  mkdirSync(CACHE_COPIES, { recursive: true });
  for (const name of readdirSync(BUILTIN_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = path.join(BUILTIN_DIR, name);
    loadPackFile(file); // validates: an invalid pack fails the build
    const bytes = readFileSync(file);
    entries[name] = { data: yaml().parse(bytes.toString('utf8')) as unknown };
    writeFileSync(path.join(CACHE_COPIES, name), bytes);
  }
  writeFileSync(CACHE_FILE, `${JSON.stringify(entries)}\n`);
  return Object.keys(entries).length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = await writePackCache();
  console.log(`built-in pack cache: ${n} packs → ${path.relative(process.cwd(), CACHE_FILE)}`);
}
