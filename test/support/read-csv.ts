import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseCsv } from '../../scripts/parse-csv';

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
  const rows = parseCsv(text);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}
