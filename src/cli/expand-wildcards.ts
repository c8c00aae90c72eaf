import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * File arguments with `*` and `?` in their last part expanded, as a Unix
 * shell would: the Windows command prompt passes `*.xlsx` through as is.
 * A pattern that matches nothing is kept, so the caller reports it.
 */
export async function expandWildcards(args: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const base = path.basename(arg);
    if (!/[*?]/.test(base)) {
      out.push(arg);
      continue;
    }
    const dirArg = arg.slice(0, arg.length - base.length);
    const names = await fs.readdir(path.resolve(cwd, dirArg || '.')).catch(() => [] as string[]);
    const re = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    const hits = names.filter((n) => re.test(n) && !n.startsWith('~$')).sort();
    out.push(...(hits.length > 0 ? hits.map((n) => dirArg + n) : [arg]));
  }
  return out;
}
