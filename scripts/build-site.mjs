// Build step (npm run build, after the pack cache): the self-check page into dist/site/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSiteFiles } from '../dist/web/build.js';

const out = 'dist/site';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [name, text] of await buildSiteFiles(process.cwd())) writeFileSync(path.join(out, name), text);
