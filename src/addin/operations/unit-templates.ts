import { campaignTemplates, type CampaignTemplate } from '../../core/campaign/campaign-templates';
import { findPeriod, periodsHint } from '../../core/forms/form-periods';
import type { UnitTemplateOptions } from '../../core/campaign/unit-template-data';
import type { FormDef } from '../../core/forms/form-schema';
import type { OutputBook } from '../../core/grid/output-book';
import type { Drive } from '../../core/ports/drive';
import type { UnitRegistry } from '../../core/units/unit-registry';
import { TemplateError } from './create-template';

/**
 * One prefilled template per unit under `parentCode` (its targets from the
 * target table, locked), each with its path by the folder convention.
 * Throws a TemplateError, to be shown as is, for an unknown unit or period.
 */
export function unitTemplates(form: FormDef, registry: UnitRegistry, parentCode: string, periodId: string, opts: UnitTemplateOptions = {}): CampaignTemplate[] {
  const parent = registry.get(parentCode.trim());
  if (!parent) throw new TemplateError(`Không có đơn vị mã "${parentCode}" trong danh mục hành chính.`);
  const period = findPeriod(form, periodId);
  if (!period) throw new TemplateError(`Kỳ "${periodId}" không có trong mẫu ${form.id} (${periodsHint(form)}).`);
  return campaignTemplates(form, registry, parent, period, opts);
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
