import ExcelJS from 'exceljs';
import type { SheetGrid } from '../core/grid/sheet-grid';
import type { CheckedWorkbook } from './checked-workbook';
import { storeZip } from './store-zip';
import { worksheetToGrid } from './worksheet-to-grid';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The grids ExcelJS reads from a workbook's checked parts: the reference
 * reader, and the fallback for the shapes `readValues` leaves to it. Only
 * parts the preflight inflated and measured reach ExcelJS, in a package
 * rebuilt around them (stored, never deflated again). This module is
 * loaded on demand, so that commands that never fall back never load
 * ExcelJS.
 *
 * @example const grids = await readWithExcelJS(checked);
 */
export async function readWithExcelJS(checked: CheckedWorkbook): Promise<SheetGrid[]> {
  const pkg = excelPackage(checked);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(pkg.buffer, pkg.byteOffset, pkg.byteLength) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map(worksheetToGrid);
}

/**
 * The checked parts as the smallest package ExcelJS opens: worksheets
 * renamed `sheet1.xml`... in tab order, a workbook part written afresh.
 *
 * @example excelPackage({ sheets: [], date1904: false }) // a zip of two entries
 */
export function excelPackage(checked: CheckedWorkbook): Uint8Array {
  const utf8 = new TextEncoder();
  return storeZip([
    { name: 'xl/workbook.xml', data: utf8.encode(workbookXml(checked)) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8.encode(workbookRelsXml(checked.sheets.length)) },
    ...checked.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.values })),
    ...(checked.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: checked.sharedStrings }] : []),
    ...(checked.styles ? [{ name: 'xl/styles.xml', data: checked.styles }] : []),
  ]);
}

/**
 * The workbook part written afresh from what was read of it: sheet names,
 * states and the date system. Nothing else in it is needed for values, and
 * defined names must not reach ExcelJS, which expands each named range into
 * one entry per cell.
 */
function workbookXml(checked: CheckedWorkbook): string {
  const sheets = checked.sheets
    .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.state === 'visible' ? '' : ` state="${escapeAttr(s.state)}"`} r:id="rId${i + 1}"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    (checked.date1904 ? '<workbookPr date1904="1"/>' : '') +
    `<sheets>${sheets}</sheets></workbook>`
  );
}

function workbookRelsXml(sheetCount: number): string {
  const rels = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
  );
}

/** Text for an attribute; the preflight has already refused characters XML forbids. */
function escapeAttr(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
