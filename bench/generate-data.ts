import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nationalRegistry } from '../src/core/units/national-registry';
import { WorkerPool } from '../src/node/workers/worker-pool';
import { communeParents, doneMarker, unitFolder, type DatasetSpec } from './dataset';
import { generateFiles, type GenerateRequest, type GenerateResponse } from './generate-worker';

/** A dataset on disk. */
export interface Dataset {
  readonly spec: DatasetSpec;
  /** Its folder: one subfolder per unit down to the communes' parents. */
  readonly dir: string;
  readonly files: number;
  readonly bytes: number;
  /** Seconds spent generating it, in the run that did (0 when every folder was cached already). */
  readonly generatedSeconds: number;
  /** Folders found complete from an earlier run. */
  readonly cachedFolders: number;
  readonly folders: number;
}

/** Options of ensureDataset. */
export interface EnsureOptions {
  /** Worker threads writing files (default: one per core); 0 writes in this thread. */
  readonly workers?: number;
  readonly log?: (line: string) => void;
}

/**
 * The dataset's files under `cacheRoot`, generated once and reused: each
 * folder carries a marker when complete, so an interrupted generation
 * resumes where it stopped and a second run generates nothing.
 */
export async function ensureDataset(spec: DatasetSpec, cacheRoot: string, opts: EnsureOptions = {}): Promise<Dataset> {
  const registry = nationalRegistry();
  const dir = path.join(cacheRoot, spec.name);
  const parents = communeParents(registry, spec.rootCode);
  const folderOf = (code: string): string => path.join(dir, ...unitFolder(registry, spec.rootCode, code).split('/'));
  const todo = parents.filter((p) => !fs.existsSync(doneMarker(dir, p)));
  let generatedSeconds = 0;
  if (todo.length > 0) {
    const workers = Math.min(opts.workers ?? os.availableParallelism(), todo.length);
    opts.log?.(`Generating ${spec.name}: ${todo.length}/${parents.length} folders with ${Math.max(workers, 1)} thread(s) into ${dir}`);
    const t0 = performance.now();
    const requests = split(todo, Math.max(workers, 1)).map((chunk): GenerateRequest => ({ spec, parents: chunk, dir }));
    if (workers <= 0) {
      for (const r of requests) await generateFiles(r);
    } else {
      const pool = new WorkerPool<GenerateRequest, GenerateResponse>(path.join(__dirname, `generate-worker${path.extname(__filename)}`), { workers });
      try {
        await Promise.all(requests.map((r) => pool.run(r)));
      } finally {
        await pool.close();
      }
    }
    generatedSeconds = (performance.now() - t0) / 1000;
  }
  let files = 0;
  let bytes = 0;
  for (const p of parents) {
    for (const e of fs.readdirSync(folderOf(p), { withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.xlsx')) continue;
      files++;
      bytes += fs.statSync(path.join(folderOf(p), e.name)).size;
    }
  }
  return { spec, dir, files, bytes, generatedSeconds, cachedFolders: parents.length - todo.length, folders: parents.length };
}

/** Round-robin chunks, so each worker gets large and small provinces alike. */
function split<T>(list: readonly T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  list.forEach((x, i) => out[i % n]?.push(x));
  return out.filter((c) => c.length > 0);
}
