// The traditional → simplified tables (opencc.js), loaded only when a report needs them (opencc.ts).
import * as OpenCC from 'opencc-js/t2cn';

(globalThis as { fazhiOpenCC?: unknown }).fazhiOpenCC = OpenCC;
