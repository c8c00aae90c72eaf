import type { CampaignTemplate } from '../../core/campaign/campaign-templates';
import type { UnitTemplateOptions } from '../../core/campaign/unit-template-data';
import type { FormDef } from '../../core/forms/form-schema';
import type { OutputBook } from '../../core/grid/output-book';
import type { Drive } from '../../core/ports/drive';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { childTemplates } from '../../app/make-templates';

/**
 * One prefilled template per unit under `parentCode` (its targets from the
 * target table, locked), each with its path by the folder convention: the
 * application's `childTemplates`, the same as `phu template --out-dir`.
 * Throws a TemplateError for an unknown unit or period.
 */
export function unitTemplates(form: FormDef, registry: UnitRegistry, parentCode: string, periodId: string, opts: UnitTemplateOptions = {}): CampaignTemplate[] {
  return childTemplates(form, registry, parentCode, periodId, opts).templates;
}

/** What became of one template's upload. */
export type TemplateUpload = { readonly status: 'uploading' | 'uploaded' | 'exists' } | { readonly status: 'failed'; readonly why: string };

/** The folder and file name of a `/`-separated path. */
export function splitFilePath(path: string): { folder: string; name: string } {
  const slash = path.lastIndexOf('/');
  return { folder: slash < 0 ? '' : path.slice(0, slash), name: path.slice(slash + 1) };
}

/**
 * Uploads each template to its conventional path under `base` (a folder of
 * the drive, '' for its root), one at a time, never overwriting: a file of
 * that name is reported as `exists` and left as it is. A failure of one
 * file is reported and the others still go.
 */
export async function uploadTemplates(
  drive: Drive,
  base: string,
  templates: readonly CampaignTemplate[],
  write: (book: OutputBook) => Promise<Uint8Array>,
  onFile: (index: number, state: TemplateUpload) => void,
): Promise<{ sent: number; exists: number; failed: number }> {
  const counts = { sent: 0, exists: 0, failed: 0 };
  for (const [i, tpl] of templates.entries()) {
    onFile(i, { status: 'uploading' });
    const { folder, name } = splitFilePath(tpl.path);
    try {
      const result = await drive.upload(base === '' ? folder : `${base}/${folder}`, name, await write(tpl.book), { kind: 'fail' });
      if (result.ok) counts.sent++;
      else counts.exists++;
      onFile(i, { status: result.ok ? 'uploaded' : 'exists' });
    } catch (e) {
      counts.failed++;
      onFile(i, { status: 'failed', why: e instanceof Error ? e.message : String(e) });
    }
  }
  return counts;
}
