import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../src/engine/compile.js';
import { loadPackSet } from '../src/packs/load.js';
import { checkText } from '../src/report/text.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE_BUILTINS = new Set(builtinModules);

/** Every import of a Node built-in (node:fs, or bare fs), with the file that wrote it. */
function nodeBuiltinGuard(found: string[]): Plugin {
  return {
    name: 'no-node-builtins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, ({ path: spec, importer }) => {
        if (!spec.startsWith('node:') && !NODE_BUILTINS.has(spec.split('/')[0] as string)) return undefined;
        found.push(`${path.relative(ROOT, importer)} → ${spec}`);
        return { path: spec, external: true };
      });
    },
  };
}

async function bundleCore(): Promise<{ code: string; builtins: string[] }> {
  const builtins: string[] = [];
  const out = await build({
    entryPoints: [path.join(ROOT, 'src/web/core.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'fazhiCore',
    write: false,
    logLevel: 'silent',
    plugins: [nodeBuiltinGuard(builtins)],
  });
  return { code: out.outputFiles[0]?.text ?? '', builtins };
}

describe('the core bundled for a browser', () => {
  it('imports no Node built-in', async () => {
    const { builtins } = await bundleCore();
    expect(builtins).toEqual([]);
  });

  it('the guard does catch a Node built-in', async () => {
    const found: string[] = [];
    await build({
      stdin: { contents: "import fs from 'node:fs'; import p from 'path'; console.log(fs, p);", resolveDir: ROOT },
      bundle: true,
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      plugins: [nodeBuiltinGuard(found)],
    });
    expect(found).toEqual(['<stdin> → node:fs', '<stdin> → path']);
  });

  it('checks a report without require or process, scoring as the CLI does', async () => {
    const { code } = await bundleCore();
    const context = vm.createContext({ TextEncoder, TextDecoder, setTimeout, clearTimeout, queueMicrotask, console });
    vm.runInContext(code, context);
    const core = context.fazhiCore as typeof import('../src/web/core.js');
    expect(vm.runInContext('typeof require + typeof process', context)).toBe('undefinedundefined');
    const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', file), 'utf8'));
    const ruleSet = core.prebuiltRuleSet(
      read('builtin-packs.json') as never,
      read('builtin-regex-needs.json') as never,
    );
    const text = fs.readFileSync(path.join(ROOT, 'reports/taojia-2025.txt'), 'utf8');
    const inBrowser = await core.checkPlainText(text, ruleSet, 'taojia-2025.txt');
    const inNode = await checkText(text, compileRuleSet(loadPackSet()), 'taojia-2025.txt');
    expect(inBrowser.score.total).toBe(inNode.score.total);
    expect(JSON.stringify(inBrowser.findings)).toBe(JSON.stringify(inNode.findings));
    expect(inBrowser.findings.map((f) => core.fingerprint('taojia-2025.txt', f))).toHaveLength(inNode.findings.length);
  });
});
