// The YAML parser (yaml.js), loaded only when the user picks a province's pack (lazy.ts).
import * as yaml from 'yaml';

(globalThis as { fazhiYaml?: unknown }).fazhiYaml = yaml;
