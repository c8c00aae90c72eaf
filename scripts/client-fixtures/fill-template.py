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
The argument `+sums` turns the template's SUM totals into `=D4+D5+...`, as hand-made sheets have them.
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


def overrides(wb, specs):
    for spec in specs:
        if spec == '+sums':
            plus_sums(wb)
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


if sys.argv[1] == 'formulas':
    formulas(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
elif sys.argv[1] == 'values':
    values(sys.argv[2], sys.argv[3], sys.argv[4:])
else:
    raise SystemExit(__doc__)
