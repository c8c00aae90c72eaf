import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The shared data folder beside the project (`../shared/data`; a worktree one level deeper looks one further up), if any. */
export const SHARED_DATA: string | undefined = [process.env['PHU_SHARED_DATA'], path.join(ROOT, '../shared/data'), path.join(ROOT, '../../shared/data')].find(
  (d): d is string => d !== undefined && existsSync(d),
);

/** Rows of a CSV of the shared data as objects by header (RFC 4180 quotes); undefined when the file is absent. */
export function readSharedCsv(name: string): Array<Record<string, string>> | undefined {
  const file = SHARED_DATA === undefined ? undefined : path.join(SHARED_DATA, name);
  if (file === undefined || !existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}
