import ExcelJS from 'exceljs';

/** The bytes of a workbook built with ExcelJS by `build`. */
export async function excelBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A small submission-like workbook: ThongTin and SoLieu with two villages and a total row. */
export function smallSubmission(): Promise<Uint8Array> {
  return excelBytes((wb) => {
    const info = wb.addWorksheet('ThongTin');
    info.addRows([
      ['Khóa', 'Nội dung', 'Giá trị'],
      ['form', 'Mẫu biểu', '4PHU-2024'],
      ['unit_code', 'Mã đơn vị', '25216'],
      ['report_date', 'Ngày báo cáo', new Date(Date.UTC(2024, 4, 8))],
    ]);
    const data = wb.addWorksheet('SoLieu');
    data.addRows([
      ['STT', 'Mã đơn vị', 'Đơn vị', 'Chỉ tiêu', 'Đã thu nhận'],
      ['stt', 'unit_code', 'unit_name', 'cccd_target', 'cccd_done'],
      [1, '', 'Ấp 1', 120, 80],
      [2, '', 'Ấp 2', 95, 61],
      ['', 'TONG', 'Tổng cộng', 215, 141],
    ]);
  });
}

/** The sheet part and shared strings of a one-sheet workbook, written by hand, wrapped in a valid package. */
export function handWrittenPackage(sheetXml: string, opts: { sharedStrings?: string; workbookPr?: string; extra?: Record<string, string> } = {}): { name: string; data: string }[] {
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}">${opts.workbookPr ?? ''}<sheets><sheet name="SoLieu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (opts.sharedStrings === undefined ? '' : `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`) +
        '</Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}">${sheetXml}</worksheet>` },
    ...(opts.sharedStrings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: opts.sharedStrings }]),
    ...Object.entries(opts.extra ?? {}).map(([name, data]) => ({ name, data })),
  ];
}
