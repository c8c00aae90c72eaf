import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every `.xlsx` file below `dir`, in a stable order. */
export function listWorkbooks(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.xlsx')) out.push(p);
    }
  };
  walk(dir);
  return out;
}
