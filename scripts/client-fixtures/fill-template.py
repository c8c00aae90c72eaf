"""Fills PHU templates with openpyxl, as a commune's Python script would:
figures typed in, the template's SUM totals left as formulas that openpyxl
saves without a result. Also writes a values-only export (one workbook of
plain values, no styles, no hidden rows: what Google Sheets or a web
system exports). Run by scripts/make-client-fixtures.sh with Debian's
/usr/bin/python3 (python3-openpyxl).

Usage:
  fill-template.py formulas <template.xlsx> <original.xlsx> <out.xlsx> [<sheet>!<cell>=<value> ...]
  fill-template.py values <original.xlsx> <out.xlsx> [<sheet>!<cell>=<value> ...]
A value `'text` is written as text, `=...` as a formula, anything else as a number.
The argument `+sums` turns the template's SUM totals into `=D4+D5+...`, as hand-made sheets have them;
`+abs` into `=SUM($D$4:$D$7)` (absolute references); `+shared` (last) rewrites the SoLieu total row's
formulas, once saved, as one shared formula `SUM(D4:D7)` filled right, without results, the way Excel
stores a formula dragged across a row (openpyxl cannot write one).
  fill-template.py writeonly <original.xlsx> <out.xlsx>
writes the values with openpyxl's write-only workbook (streamed rows, inline strings, dates as ISO text).
"""
import re
import sys
import openpyxl


def plus_sums(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                m = re.fullmatch(r'=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)', str(c.value or ''))
                if m and m.group(1) == m.group(3):
                    c.value = '=' + '+'.join(f'{m.group(1)}{r}' for r in range(int(m.group(2)), int(m.group(4)) + 1))


def absolute_sums(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                m = re.fullmatch(r'=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)', str(c.value or ''))
                if m:
                    c.value = f'=SUM(${m.group(1)}${m.group(2)}:${m.group(3)}${m.group(4)})'


def shared_total_row(path):
    """The SoLieu total row's SUM formulas as one shared formula, without cached results."""
    import shutil
    import zipfile
    wb = openpyxl.load_workbook(path)
    names = [ws.title for ws in wb.worksheets]
    ws = wb['SoLieu']
    total = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value == 'TONG')
    part = f'xl/worksheets/sheet{names.index("SoLieu") + 1}.xml'
    tmp = path + '.tmp'
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == part:
                xml = data.decode('utf-8')
                for i, col in enumerate('DEFGHIJKLMNO'):
                    first = f'<f t="shared" ref="D{total}:O{total}" si="0">SUM(D4:D{total - 1})</f>' if i == 0 else '<f t="shared" si="0"/>'
                    xml, n = re.subn(rf'(<c r="{col}{total}"[^>]*>)<f>[^<]*</f>(<v>[^<]*</v>|<v/>)?', lambda m: m.group(1) + first, xml)
                    if n != 1:
                        raise SystemExit(f'{path}: no formula in {col}{total}')
                data = xml.encode('utf-8')
            out.writestr(item, data)
    shutil.move(tmp, path)


def overrides(wb, specs):
    for spec in specs:
        if spec == '+sums':
            plus_sums(wb)
            continue
        if spec == '+abs':
            absolute_sums(wb)
            continue
        if spec == '+shared':
            continue
        where, value = spec.split('=', 1)
        sheet, cell = where.split('!')
        if value.startswith("'"):
            wb[sheet][cell] = value[1:]
            wb[sheet][cell].data_type = 's'
        elif value.startswith('='):
            wb[sheet][cell] = value
        else:
            wb[sheet][cell] = float(value) if '.' in value else int(value)


def formulas(template, original, out, specs):
    src = openpyxl.load_workbook(original)
    wb = openpyxl.load_workbook(template)
    # ThongTin: what the commune types (the template prefilled the rest).
    for key_row in range(2, 14):
        if src['ThongTin'].cell(key_row, 1).value in ('report_date', 'preparer'):
            wb['ThongTin'].cell(key_row, 3).value = src['ThongTin'].cell(key_row, 3).value
    # SoLieu: one template row per village of the original, then the TONG row's SUM formulas stay.
    s, t = src['SoLieu'], wb['SoLieu']
    r = 4
    while s.cell(r, 2).value not in (None, 'TONG'):
        for c in range(2, 16):
            t.cell(r, c).value = s.cell(r, c).value
        r += 1
    if t.cell(r, 2).value != 'TONG':
        raise SystemExit(f'{template}: the template has not {r - 4} village rows')
    for r in range(3, 18):
        for c in (3, 4):
            wb['LyDo'].cell(r, c).value = src['LyDo'].cell(r, c).value
    overrides(wb, specs)
    wb.save(out)
    if '+shared' in specs:
        shared_total_row(out)


def values(original, out, specs):
    src = openpyxl.load_workbook(original, data_only=True)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for ws in src.worksheets:
        new = wb.create_sheet(ws.title)
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    new.cell(c.row, c.column).value = c.value
    overrides(wb, specs)
    wb.save(out)


def write_only(original, out):
    src = openpyxl.load_workbook(original, data_only=True)
    wb = openpyxl.Workbook(write_only=True)
    wb.iso_dates = True
    for ws in src.worksheets:
        if ws.sheet_state != 'visible':
            continue
        new = wb.create_sheet(ws.title)
        for row in ws.iter_rows(values_only=True):
            new.append(list(row))
    wb.save(out)


if sys.argv[1] == 'writeonly':
    write_only(sys.argv[2], sys.argv[3])
elif sys.argv[1] == 'formulas':
    formulas(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
elif sys.argv[1] == 'values':
    values(sys.argv[2], sys.argv[3], sys.argv[4:])
else:
    raise SystemExit(__doc__)
