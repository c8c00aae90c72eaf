/**
 * Worker thread that writes generated commune workbooks: the generator
 * runs whole (it is cheap), and only the communes of the folders this
 * worker was given are rendered and written (writing is what costs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { FORM_4PHU_2024 } from '../src/core/forms/form-4phu-2024';
import { renderSubmission } from '../src/core/render/render-submission';
import { nationalRegistry } from '../src/core/units/national-registry';
import { servePoolRequests } from '../src/node/workers/serve-pool-requests';
import { binhPhuocDistrictFigures } from '../src/sample/binh-phuoc-districts';
import { generateCommunes } from '../src/sample/generate-province';
import { writeWorkbook } from '../src/xlsx/write-workbook';
import { doneMarker, unitFolder, type DatasetSpec } from './dataset';

/** Write the communes of these parents under `dir`. */
export interface GenerateRequest {
  readonly spec: DatasetSpec;
  readonly parents: readonly string[];
  readonly dir: string;
}

export interface GenerateResponse {
  readonly files: number;
  readonly bytes: number;
}

/** Writes the files of the given parents; each folder gets its marker once all its files are written. */
export async function generateFiles(req: GenerateRequest): Promise<GenerateResponse> {
  const registry = nationalRegistry();
  const wanted = new Set(req.parents);
  let files = 0;
  let bytes = 0;
  let open: { folder: string; parent: string } | undefined;
  const finish = (): void => {
    if (open === undefined) return;
    const marker = doneMarker(req.dir, open.parent);
    fs.mkdirSync(path.dirname(marker), { recursive: true });
    fs.writeFileSync(marker, '');
    open = undefined;
  };
  const opts = { rootCode: req.spec.rootCode, seed: req.spec.seed, ...(req.spec.binhPhuoc ? { fixed: binhPhuocDistrictFigures() } : {}) };
  for (const commune of generateCommunes(opts)) {
    const parent = commune.unit.parentCode ?? '';
    if (!wanted.has(parent)) continue;
    const folder = path.join(req.dir, ...unitFolder(registry, req.spec.rootCode, parent).split('/'));
    if (open?.folder !== folder) {
      finish();
      fs.mkdirSync(folder, { recursive: true });
      // Files of an interrupted run go; subfolders (other parents' files) stay.
      for (const e of fs.readdirSync(folder, { withFileTypes: true })) if (e.isFile()) fs.rmSync(path.join(folder, e.name));
      open = { folder, parent };
    }
    for (const f of commune.files) {
      const data = await writeWorkbook(renderSubmission(FORM_4PHU_2024, f.data));
      fs.writeFileSync(path.join(folder, f.fileName), data);
      files++;
      bytes += data.byteLength;
    }
  }
  finish();
  return { files, bytes };
}

if (!isMainThread) servePoolRequests<GenerateRequest, GenerateResponse>(async (req) => ({ response: await generateFiles(req) }));
