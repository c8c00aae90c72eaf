import { failure } from '../core/failures/failure-codes';
import { failureText } from '../core/failures/failure-text';
import type { Finding } from '../core/findings/finding';
import type { FormDef } from '../core/forms/form-schema';
import { DriveError, type ConflictPolicy, type Drive, type DriveItem, type TransferProgress } from '../core/ports/drive';
import { explainUnit } from '../core/units/explain-unit';
import { mapForDate, parseMapId, registryFor, type MapId } from '../core/units/unit-maps';
import { readInfo } from '../core/validate/read-info';
import { FORMS } from '../core/forms/form-catalog';
import { formOfBook } from './check-file';
import { conventionFileName } from './push-target';
import type { WorkbookReader } from './workbook-reader';

/**
 * How to name a workbook from its own ThongTin (`<unit code> <unit
 * name>.xlsx`), checking on the way that it is a workbook and that its unit
 * is on the map the upper level consolidates.
 */
export interface NameFromWorkbook {
  readonly reader: WorkbookReader;
  /** The form whose info sheet holds the unit; with `detectForm`, the fallback when the workbook carries none. */
  readonly form: FormDef;
  readonly detectForm: boolean;
  /** The map to check the unit on; absent: the map the workbook names, else the one of its period's end. */
  readonly map?: MapId;
}

/** What to push and where. */
export interface PushRequest {
  readonly bytes: Uint8Array;
  /** Folder from the drive's root; `\` and leading or trailing `/` are tidied. */
  readonly folder: string;
  /** The file name on the drive, or how to make it from the workbook. */
  readonly name: string | NameFromWorkbook;
  /**
   * Replace a file of that name, but only the version the person saw: the
   * eTag `ifMatch`, else the version there now. Absent: never overwrite.
   */
  readonly replace?: { readonly ifMatch?: string };
  readonly onProgress?: TransferProgress;
}

/** Why a workbook was not pushed, found before anything reached the drive. */
export type PushRefusal =
  /** The bytes are not a readable workbook: the reader's findings say why. */
  | { readonly code: 'not_a_workbook'; readonly findings: readonly Finding[] }
  /** ThongTin lacks the unit's code or name, so there is no name to give the file. */
  | { readonly code: 'unit_missing'; readonly sheet: string }
  /** The unit is not on the map (merged away, or not yet there): the finding explaining it. */
  | { readonly code: 'unit_elsewhere'; readonly finding: Finding };

/** What became of a push. Only `sent` wrote anything; nothing is ever overwritten unasked. */
export type PushResult =
  | { readonly kind: 'sent'; readonly name: string; readonly folder: string; readonly item: DriveItem; readonly replaced: boolean }
  /** A file of that name exists (or appeared meanwhile): shown, so the person may replace exactly that version. */
  | { readonly kind: 'exists'; readonly name: string; readonly folder: string; readonly existing?: DriveItem }
  /** The version the person chose to replace (`ifMatch`) changed or went meanwhile: both are kept. */
  | { readonly kind: 'changed'; readonly name: string; readonly folder: string; readonly ifMatch: string; readonly existing?: DriveItem }
  | { readonly kind: 'refused'; readonly refusal: PushRefusal }
  /** The drive failed (sign-in, network, permissions...): its code and failure are on the error. */
  | { readonly kind: 'failed'; readonly name: string; readonly folder: string; readonly error: DriveError };

/**
 * Pushes a workbook to the folder of the level above: what `phu push` and
 * the pane's "send up" both run. A name made from the workbook is checked
 * first (readable, unit named, unit on the map), before the drive is even
 * opened, so a wrong file never asks anyone to sign in. Without `replace`
 * an existing file is never overwritten (`exists`); with it, only the
 * version the person saw is replaced, and one changed since comes back as
 * `changed`. Drive failures come back as `failed`; other errors are thrown.
 *
 * @example const r = await pushWorkbook({ bytes, folder: '4PHU-2024/TK/688 Thị xã Phước Long', name: { reader, form, detectForm: true } }, drive);
 */
export async function pushWorkbook(req: PushRequest, drive: Drive | (() => Promise<Drive>)): Promise<PushResult> {
  const named = typeof req.name === 'string' ? req.name : await nameFromWorkbook(req.bytes, req.name);
  if (typeof named !== 'string') return { kind: 'refused', refusal: named };
  const name = named;
  const folder = req.folder.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  try {
    const target = typeof drive === 'function' ? await drive() : drive;
    const policy = req.replace ? await replacePolicy(target, folder, name, req.replace.ifMatch) : ({ kind: 'fail' } as const);
    const result = await target.upload(folder, name, req.bytes, policy, req.onProgress);
    if (result.ok) return { kind: 'sent', name, folder, item: result.item, replaced: policy.kind === 'replace' };
    const existing = result.existing ? { existing: result.existing } : {};
    if (result.conflict === 'changed' && policy.kind === 'replace') return { kind: 'changed', name, folder, ifMatch: policy.ifMatch, ...existing };
    return { kind: 'exists', name, folder, ...existing };
  } catch (err) {
    if (err instanceof DriveError) return { kind: 'failed', name, folder, error: err };
    throw err;
  }
}

/**
 * The wording of a refusal in a language.
 *
 * @example pushRefusalText({ code: 'unit_missing', sheet: 'ThongTin' }, 'en')
 */
export function pushRefusalText(refusal: PushRefusal, lang: 'vi' | 'en'): string {
  switch (refusal.code) {
    case 'not_a_workbook':
      return failureText(failure('push_not_a_workbook', { detail: refusal.findings.map((f) => (lang === 'en' ? f.message_en : f.message_vi)).join(' ') }), lang);
    case 'unit_missing':
      return failureText(failure('push_unit_missing', { sheet: refusal.sheet }), lang);
    case 'unit_elsewhere':
      return lang === 'en' ? refusal.finding.message_en : refusal.finding.message_vi;
  }
}

/** The convention's name from the workbook's own ThongTin, or why it cannot be made. */
async function nameFromWorkbook(bytes: Uint8Array, naming: NameFromWorkbook): Promise<string | PushRefusal> {
  // A reader may take the buffer (to a worker): it reads a copy, the drive gets the bytes.
  const read = await naming.reader.readWorkbook(bytes.slice());
  if (!read.book) return { code: 'not_a_workbook', findings: read.findings };
  // Without an explicit form, the form the workbook carries says where its info sheet is.
  const form = naming.detectForm ? formOfBook(read.book, FORMS, naming.form) : naming.form;
  const { info } = readInfo(read.book, form);
  const code = info.unit_code?.trim();
  const unitName = info.unit_name?.trim();
  if (!code || !unitName) return { code: 'unit_missing', sheet: form.info.sheet };
  // A unit of the other map would land in a folder nobody consolidates.
  const on = naming.map ?? parseMapId(info['map'] ?? '') ?? (info.period_to !== undefined ? mapForDate(info.period_to) : undefined);
  const why = on === undefined ? undefined : explainUnit(registryFor(on), code, unitName);
  if (why) return { code: 'unit_elsewhere', finding: why };
  return conventionFileName(code, unitName);
}

/**
 * Replace only the version the person saw: the eTag they give, else the one
 * the file has now. With nothing there, there is nothing to replace and the
 * upload must still not overwrite a file created meanwhile.
 */
async function replacePolicy(drive: Drive, folder: string, name: string, ifMatch: string | undefined): Promise<ConflictPolicy> {
  if (ifMatch !== undefined) return { kind: 'replace', ifMatch };
  const existing = await findItem(drive, folder, name);
  return existing ? { kind: 'replace', ifMatch: existing.eTag } : { kind: 'fail' };
}

async function findItem(drive: Drive, folder: string, name: string): Promise<DriveItem | undefined> {
  let items: DriveItem[];
  try {
    items = await drive.list(folder);
  } catch (err) {
    if (err instanceof DriveError && err.code === 'not_found') return undefined;
    throw err;
  }
  const key = name.normalize('NFC').toLowerCase();
  return items.find((i) => !i.isFolder && i.name.normalize('NFC').toLowerCase() === key);
}
