// Build step (npm run build, after tsc): parse and validate the built-in packs once and store
// them with a copy of each file, so a run on the built-in packs starts without YAML parsing or
// Ajv, and store what each of their regexes needs (packs/prefilter.ts), so it loads no regex
// parser. The self-check page bundles the same two JSON files.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileConcept, compileRuleSet } from '../dist/engine/compile.js';
import {
  BUILTIN_DIR,
  CACHE_COPIES,
  CACHE_FILE,
  loadPackFile,
  loadPackSet,
  NEEDS_CACHE_FILE,
} from '../dist/packs/load.js';
import { needsKey, regexNeeds } from '../dist/packs/prefilter.js';
import { assertSafeRegexes } from '../dist/packs/redos.js';
import { yaml } from '../dist/packs/yaml-file.js';

// Analysed afresh, whatever a previous build left in dist/.
process.env.FAZHI_NO_BUILTIN_CACHE = '1';

const names = readdirSync(BUILTIN_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const ruleSet = compileRuleSet(loadPackSet(names.map((f) => path.join(BUILTIN_DIR, f))));
// The cache marks these packs as trusted, so their regexes are analysed for ReDoS here.
await assertSafeRegexes(ruleSet.regexes);

// The patterns' needs, and every concept's (facts/concepts.ts skips a concept a report cannot hold), whether
// or not a rule names it: the comparison of two years compiles some of its own.
const concepts = [...ruleSet.packs.concepts.values()].map((def) => compileConcept(def, () => null).re);
const needs = {};
for (const { source, flags } of [...ruleSet.plan.patterns.map((p) => p.re), ...concepts])
  needs[needsKey(source, flags)] = regexNeeds(source, flags, false);
const keys = Object.keys(needs).sort();
writeFileSync(NEEDS_CACHE_FILE, `${JSON.stringify(Object.fromEntries(keys.map((k) => [k, needs[k]])))}\n`);

const entries = {};
rmSync(CACHE_COPIES, { recursive: true, force: true });
mkdirSync(CACHE_COPIES, { recursive: true });
for (const name of names) {
  const file = path.join(BUILTIN_DIR, name);
  loadPackFile(file); // validates: an invalid pack fails the build
  const bytes = readFileSync(file);
  entries[name] = { data: yaml().parse(bytes.toString('utf8')) };
  writeFileSync(path.join(CACHE_COPIES, name), bytes);
}
writeFileSync(CACHE_FILE, `${JSON.stringify(entries)}\n`);
console.log(`built-in pack cache: ${names.length} packs → ${path.relative(process.cwd(), CACHE_FILE)}`);
