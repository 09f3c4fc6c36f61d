/**
 * The self-check page (app.js): a file chosen, dropped or pasted is read and checked here, in
 * the browser, by the CLI's own code; nothing is sent anywhere. Automation contract: after a
 * check body[data-state] is `done` or `error`, and #fazhi-result holds the result JSON.
 */
import { FazhiError } from '../../shared/errors.js';
import type { RuleSet } from '../../engine/compile.js';
import type { RuleInfo } from '../../report/result.js';
import { builtinRuleSet, checkSourceText, type PageCheck, type SiteData } from './check.js';
import { byId } from './dom.js';
import { checkFileSize, readBytes, type ReadFile } from './read.js';
import {
  linkFindingsAndMarks,
  renderDocument,
  renderFindings,
  renderMissing,
  renderScore,
  sizeBars,
} from './render.js';
import { downloadBytes, downloadName } from './download.js';
import { loadProvincePack } from './province.js';
import { withScripts } from './scripts.js';
import { annotatedWord, WORD_TYPE } from './word.js';

type State = 'idle' | 'working' | 'done' | 'error';

const data = (globalThis as { fazhiSiteData?: SiteData }).fazhiSiteData;
let ruleSet: RuleSet | null = null;
/** A province's pack the user picked, with the built-in packs (null: the built-in packs alone). */
let provinceRuleSet: RuleSet | null = null;
let last: PageCheck | null = null;

function setState(state: State, status = ''): void {
  document.body.dataset.state = state;
  byId('fazhi-status').textContent = status;
}

function showError(message: string): void {
  const box = byId('fazhi-error');
  box.textContent = message;
  box.hidden = false;
  byId('fazhi-output').hidden = true;
  byId('fazhi-result').textContent = '';
  setState('error', '检查未完成');
}

function errorMessage(e: unknown): string {
  if (e instanceof FazhiError) return `${e.file ? `${e.file}：` : ''}${e.message}`;
  return `检查出错：${e instanceof Error ? e.message : String(e)}`;
}

function rules(): RuleSet {
  if (provinceRuleSet) return provinceRuleSet;
  if (!data) throw new Error('规则包数据（packs.js）未能加载');
  ruleSet ??= builtinRuleSet(data);
  return ruleSet;
}

/** Let the browser paint the "正在检查" state before the check takes the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(read: () => Promise<ReadFile>): Promise<void> {
  byId('fazhi-error').hidden = true;
  setState('working', '正在检查……');
  await nextFrame();
  try {
    const started = performance.now();
    const { source, bytes } = await read();
    last = await withScripts(() => checkSourceText(source, bytes, rules(), data as SiteData));
    show(last, performance.now() - started);
  } catch (e) {
    last = null;
    showError(errorMessage(e));
  }
}

function show(check: PageCheck, ms: number): void {
  const { report, run: result } = check;
  const ruleMap = new Map<string, RuleInfo>(result.rules.map((r) => [r.id, r]));
  byId('fazhi-result').textContent = check.json;
  byId('report-name').textContent = `${report.file}${report.meta.title ? ` · ${report.meta.title}` : ''}`;
  const score = byId('score-card');
  score.replaceChildren(renderScore(report));
  sizeBars(score);
  byId('findings').replaceChildren(renderFindings(report, ruleMap));
  byId('missing').replaceChildren(renderMissing(report, ruleMap));
  byId('doc-view').replaceChildren(renderDocument(check.document, report));
  byId('fazhi-output').hidden = false;
  setState('done', `检查完成（用时 ${(ms / 1000).toFixed(1)} 秒）`);
  document.body.dataset.checkMs = String(Math.round(ms));
  byId('report-name').focus();
}

async function checkFile(file: File): Promise<void> {
  byId('file-name').textContent = `已选择：${file.name}`;
  await run(async () => {
    checkFileSize(file.name, file.size);
    return readBytes(file.name, new Uint8Array(await file.arrayBuffer()));
  });
}

function wire(): void {
  const input = byId<HTMLInputElement>('fazhi-file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared, so the same file can be chosen again once it has been edited.
    input.value = '';
    if (file) void checkFile(file);
  });
  // A file dropped beside the drop zone would make the browser open it in place of the page.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
  const zone = byId('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void checkFile(file);
  });
  byId('fazhi-check-text').addEventListener('click', () => {
    const text = byId<HTMLTextAreaElement>('fazhi-text').value;
    void run(async () => {
      if (text.trim() === '') throw new FazhiError('请先粘贴报告全文', null, null, 'input-empty');
      return readBytes('粘贴的文字.txt', new TextEncoder().encode(text));
    });
  });
  byId('download-json').addEventListener('click', () => {
    if (last)
      downloadBytes(
        new TextEncoder().encode(last.json),
        downloadName(last.report.file, '.fazhi.json'),
        'application/json',
      );
  });
  byId('download-docx').addEventListener('click', () => {
    if (!last) return;
    try {
      downloadBytes(annotatedWord(last), downloadName(last.report.file, '.批注.docx'), WORD_TYPE);
    } catch (e) {
      showError(errorMessage(e));
    }
  });
  linkFindingsAndMarks(byId('fazhi-output'));
  byId('print').addEventListener('click', () => window.print());
  // Printed for a meeting: every finding open (print CSS cannot open a <details>), as it was after.
  let closed: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    closed = [...document.querySelectorAll<HTMLDetailsElement>('details.finding:not([open])')];
    for (const d of closed) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of closed) d.open = false;
    closed = [];
  });
  const pack = byId<HTMLInputElement>('fazhi-pack');
  pack.addEventListener('change', () => {
    const file = pack.files?.[0];
    if (file && data) void pickPack(file, data);
    else clearPack();
  });
  byId('fazhi-pack-clear').addEventListener('click', () => {
    pack.value = '';
    clearPack();
  });
  if (!data) showError('规则包数据（packs.js）未能加载，请确认网页文件夹完整');
  else setState('idle');
}

function clearPack(): void {
  provinceRuleSet = null;
  const status = byId('pack-status');
  status.textContent = '使用内置规则包';
  status.classList.remove('bad');
}

async function pickPack(file: File, siteData: SiteData): Promise<void> {
  const status = byId('pack-status');
  try {
    const text = await file.text();
    provinceRuleSet = await withScripts(() => loadProvincePack(text, file.name, siteData));
    status.textContent = `已加载规则包：${file.name}（与内置规则包一起使用），请重新选择报告检查`;
    status.classList.remove('bad');
  } catch (e) {
    provinceRuleSet = null;
    byId<HTMLInputElement>('fazhi-pack').value = '';
    const lines = e instanceof FazhiError ? e.toLine() : errorMessage(e);
    status.textContent = `规则包未加载，仍使用内置规则包：${lines}`;
    status.classList.add('bad');
  }
}

wire();
