/**
 * The self-check site, built once by `npm run build` (scripts/build-site.mjs) into dist/site/:
 * classic IIFE scripts (file:// blocks modules, fetch and workers from files), the packs as a
 * script setting a global, pdf.js and its worker as scripts the page loads only for a PDF, and a
 * Content-Security-Policy that allows nothing from elsewhere and no inline script.
 * `fazhi web` and `fazhi serve` copy that folder (cli/web.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';
import { SITE_CSP, SITE_MARKER } from '../cli/site.js';

/**
 * The pack schema's validator as code (Ajv standalone), with the options the CLI's loader uses
 * (packs/load.ts): the page may not compile one (Ajv compiles with new Function, which the CSP
 * forbids). Also the check type names, which the loader reads from the schema for its messages.
 */
export function packValidatorModule(root: string): string {
  const require = createRequire(path.join(root, 'package.json'));
  const Ajv = require('ajv') as { default: new (o: Record<string, unknown>) => import('ajv').Ajv };
  const standalone = require('ajv/dist/standalone') as { default: (ajv: unknown, v: unknown) => string };
  const schema = JSON.parse(readFileSync(path.join(root, 'rules/pack.schema.json'), 'utf8')) as {
    definitions: { check: { oneOf: Array<{ properties: { type: { const: string } } }> } };
  };
  const ajv = new Ajv.default({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    discriminator: true,
    code: { source: true, esm: true },
  });
  const code = standalone.default(ajv, ajv.compile(schema));
  const types = schema.definitions.check.oneOf.map((b) => b.properties.type.const);
  return `${code}\nexport const checkTypes = ${JSON.stringify(types)};\n`;
}

/** The browser's stand-ins for Node-only modules of the shared code, and the generated validator. */
function browserStandIns(root: string): Plugin {
  const lazyStandIn = path.join(root, 'src/web/page/lazy.ts');
  return {
    name: 'fazhi-browser',
    setup(b) {
      b.onResolve({ filter: /\/shared\/lazy\.js$/ }, () => ({ path: lazyStandIn }));
      b.onResolve({ filter: /^opencc-js\/t2cn$/ }, () => ({ path: path.join(root, 'src/web/page/opencc.ts') }));
      b.onResolve({ filter: /^fazhi:pack-validator$/ }, () => ({ path: 'pack-validator', namespace: 'fazhi-gen' }));
      b.onLoad({ filter: /.*/, namespace: 'fazhi-gen' }, () => ({
        contents: packValidatorModule(root),
        loader: 'js',
        resolveDir: root,
      }));
      b.onResolve({ filter: /^node:/ }, ({ path: spec, importer }) => ({
        errors: [{ text: `${path.relative(root, importer)} imports ${spec}: not in a browser` }],
      }));
    },
  };
}

const BROWSER = { bundle: true, platform: 'browser', format: 'iife', target: 'chrome110', minify: true } as const;

async function bundle(entry: string, root: string, plugins: Plugin[] = []): Promise<string> {
  const out = await build({
    ...BROWSER,
    entryPoints: [entry],
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    charset: 'utf8',
    plugins,
    absWorkingDir: root,
  });
  return out.outputFiles[0]?.text ?? '';
}

/** The page: no inline script or style, labels tied to every control. */
export function indexHtml(version: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${SITE_MARKER} ${version}">
<title>法治政府建设年度报告自查</title>
<link rel="stylesheet" href="fazhi.css">
<script src="packs.js" defer></script>
<script src="app.js" defer></script>
</head>
<body data-state="loading">
<header class="banner">
<h1>法治政府建设年度报告自查</h1>
<p>在本机浏览器中检查报告草稿。文件只在这台电脑上读取，不会上传到任何地方。</p>
</header>
<main>
<section class="input controls" aria-labelledby="input-heading">
<h2 id="input-heading">选择要检查的报告</h2>
<div id="drop-zone" class="drop">
<input type="file" id="fazhi-file" class="visually-hidden" accept=".docx,.txt,.md,.html,.htm,.pdf" aria-describedby="file-hint">
<label for="fazhi-file" class="file-label">选择报告文件，或把文件拖到这里 <span class="button-like">选择文件……</span></label>
<p id="file-name" class="file-name">尚未选择文件</p>
<p id="file-hint" class="hint">支持 Word（.docx）、文本（.txt）、网页（.html）和 PDF（须有文字层）。旧版 .doc 请先另存为 .docx。</p>
</div>
<div class="paste">
<label for="fazhi-text">或者粘贴报告全文</label>
<textarea id="fazhi-text" rows="5" placeholder="把报告全文粘贴到这里"></textarea>
<button type="button" id="fazhi-check-text">检查粘贴的文字</button>
</div>
<details class="pack-picker">
<summary>省级规则包（可选）</summary>
<label for="fazhi-pack">选择本省的规则包文件（.yaml），与内置规则包一起使用</label>
<input type="file" id="fazhi-pack" accept=".yaml,.yml">
<button type="button" id="fazhi-pack-clear">只用内置规则包</button>
<p id="pack-status" role="status">使用内置规则包</p>
</details>
</section>
<p id="fazhi-status" role="status" aria-live="polite">正在加载……</p>
<div id="fazhi-error" role="alert" hidden></div>
<section id="fazhi-output" aria-labelledby="report-name" hidden>
<div class="result-head">
<h2 id="report-name" tabindex="-1"></h2>
<div class="actions controls">
<button type="button" id="download-docx">下载批注版 Word</button>
<button type="button" id="download-json">下载结果 JSON</button>
<button type="button" id="print">打印反馈意见</button>
</div>
</div>
<div id="score-card"></div>
<div class="columns">
<div class="column-findings">
<div id="findings"></div>
<div id="missing"></div>
</div>
<div class="column-document" id="doc-view"></div>
</div>
</section>
</main>
<footer class="foot">fazhi ${version} · 检查结果供自查参考，以上级要求为准。</footer>
<script type="application/json" id="fazhi-result"></script>
</body>
</html>
`;
}

/** The site's files by name (deterministic: the same sources give the same bytes). */
export async function buildSiteFiles(root: string): Promise<Map<string, string>> {
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const version = (JSON.parse(read('package.json')) as { version: string }).version;
  const data = {
    packs: JSON.parse(read('dist/builtin-packs.json')) as unknown,
    needs: JSON.parse(read('dist/builtin-regex-needs.json')) as unknown,
    tool: { name: 'fazhi', version },
  };
  const files = new Map<string, string>();
  files.set('index.html', indexHtml(version));
  files.set('fazhi.css', read('src/web/page/fazhi.css'));
  files.set('packs.js', `globalThis.fazhiSiteData = ${JSON.stringify(data)};\n`);
  files.set('app.js', await bundle('src/web/page/main.ts', root, [browserStandIns(root)]));
  files.set('opencc.js', await bundle('src/web/page/opencc-entry.ts', root));
  files.set('yaml.js', await bundle('src/web/page/yaml-entry.ts', root));
  files.set('pdf.js', await bundle('src/web/page/pdf-entry.ts', root, [nodeExternal]));
  const worker = await bundle('node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', root, [nodeExternal]);
  files.set('pdf-worker.js', `globalThis.fazhiPdfWorkerSource = ${JSON.stringify(worker)};\n`);
  return files;
}

/** pdf.js reaches for Node modules only when it runs in Node: left as they are. */
const nodeExternal: Plugin = {
  name: 'node-external',
  setup(b) {
    b.onResolve({ filter: /^node:|^(fs|path|url|module|http|https|zlib|canvas)$/ }, ({ path: spec }) => ({
      path: spec,
      external: true,
    }));
  },
};
