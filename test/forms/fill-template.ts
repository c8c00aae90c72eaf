import ExcelJS from 'exceljs';

/** Figures of one unit row of a 4PHU-2024-shaped table: every indicator balanced under its target. */
export const UNIT_ROW: Readonly<Record<string, number>> = {
  cccd_target: 100, cccd_done: 50, cccd_processed: 30, cccd_declined: 20,
  ddt_target: 200, ddt_done: 120, ddt_processed: 40, ddt_declined: 40,
  phone4g_target: 10, phone4g_done: 7, simcks_target: 20, simcks_done: 9,
};

/** The row of the table's total (`TONG`), or past the sheet's end. */
function totalRow(ws: ExcelJS.Worksheet, codeCol: number, keyRow: number): number {
  for (let r = keyRow + 1; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(codeCol).value ?? '') === 'TONG') return r;
  return ws.rowCount + 1;
}

/**
 * Fills a template as a person does in Excel: `UNIT_ROW` in every unit
 * row (a commune's blank village rows named first) (other count columns 0), every processed case under reason
 * R01, the report date, and the SUM totals' results (Excel recalculates on
 * save; ExcelJS does not, so the cached result is set here). Sheets PHU
 * keeps (the very hidden form) are left as they are.
 */
export async function fillDistrictTemplate(file: string, out: string, reportDate: Date): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet('ThongTin')?.eachRow((row) => {
    if (row.getCell(1).value === 'report_date') row.getCell(3).value = reportDate;
  });
  const fill = (sheet: string, keyRow: number, codeKey: string, values: (code: string) => Record<string, number>): number => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no ${sheet}`);
    const keys = new Map<string, number>();
    ws.getRow(keyRow).eachCell((c, col) => keys.set(String(c.value), col));
    const codeCol = keys.get(codeKey) ?? 0;
    const sums: Record<string, number> = {};
    let rows = 0;
    const nameCol = keys.get('unit_name');
    for (let r = keyRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      let code = String(row.getCell(codeCol).value ?? '');
      // A commune's template has blank village rows: the commune names its villages.
      if (code === '' && nameCol !== undefined && r < totalRow(ws, codeCol, keyRow)) {
        code = `TO${rows + 1}`;
        row.getCell(codeCol).value = code;
        row.getCell(nameCol).value = `Tổ ${rows + 1}`;
      }
      if (code === '') continue;
      if (code === 'TONG') {
        for (const [k, v] of Object.entries(sums)) {
          const cell = row.getCell(keys.get(k) ?? 0);
          const formula = typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value ? cell.value.formula : undefined;
          cell.value = formula ? { formula, result: v } : v;
        }
        continue;
      }
      rows++;
      for (const [k, v] of Object.entries(values(code))) {
        if (!keys.has(k)) continue;
        row.getCell(keys.get(k) ?? 0).value = v;
        sums[k] = (sums[k] ?? 0) + v;
      }
    }
    return rows;
  };
  const units = fill('SoLieu', 3, 'unit_code', () => UNIT_ROW);
  fill('LyDo', 2, 'reason_code', (code) => (code === 'R01' ? { cccd: 30 * units, ddt: 40 * units } : {}));
  await wb.xlsx.writeFile(out);
}
