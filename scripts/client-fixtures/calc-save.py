"""Opens workbooks in LibreOffice Calc (through UNO), edits them as a person
would (delete a row, insert a column, delete the key row) and saves them in
the format asked, so that PHU's test corpus holds files really written by
Calc. Run by scripts/make-client-fixtures.sh with Debian's /usr/bin/python3.

Usage: calc-save.py <pipe name> <job file>
A job file has one job per line, tab-separated:
  <source> <target> <filter> <edits (comma-separated, or ->) [<password>]
Edits: delrow:<sheet>:<row>  inscol:<sheet>:<col>:<header text>  setnum:<sheet>:<cell>:<number>
  setstr:<sheet>:<cell>:<text>  insrow:<sheet>:<row>[:<text in column A>]  delcol:<sheet>:<col>  sort:<sheet>:<range>:<column in range, 0-based>:asc|desc
  rename:<sheet>:<new name>  move:<sheet>:<position, 0-based>  merge:<sheet>:<range>
  setfml:<sheet>:<cell>:<formula, UNO syntax: ; between arguments>  numfmt:<sheet>:<range>:<format code>
  setdate:<sheet>:<cell>:<yyyy-mm-dd>  addsheet:<name>:<position>:<text in A1>  hide:<sheet>
  hiderow:<sheet>:<row>  comment:<sheet>:<cell>:<text>  validate:<sheet>:<range> (whole numbers >= 0)
  autofilter:<sheet>:<range>  freeze:<sheet>:<columns>:<rows>
(rows and columns 1-based). Edits are separated by `|` when the line has one
(format codes and text hold commas; a single edit then ends with `|`), else by commas.
"""
import re
import sys
import time
import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(120):
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
            return ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        except Exception:
            time.sleep(0.5)
    raise SystemExit('LibreOffice did not answer on its pipe')


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def apply(doc, edit):
    kind, sheet_name, *rest = edit.split(':')
    if kind == 'addsheet':
        doc.Sheets.insertNewByName(sheet_name, int(rest[0]))
        doc.Sheets.getByName(sheet_name).getCellByPosition(0, 0).setString(':'.join(rest[1:]))
        return
    sheet = doc.Sheets.getByName(sheet_name)
    if kind in ('sort', 'merge', 'numfmt', 'validate', 'autofilter') and len(rest) > 1 and re.fullmatch(r'[A-Z]+[0-9]+', rest[0]) and re.fullmatch(r'[A-Z]+[0-9]+', rest[1]):
        rest = [f'{rest[0]}:{rest[1]}', *rest[2:]]  # a range A1:C3
    if kind == 'delrow':
        sheet.Rows.removeByIndex(int(rest[0]) - 1, 1)
    elif kind == 'inscol':
        col = col_index(rest[0])
        sheet.Columns.insertByIndex(col, 1)
        sheet.getCellByPosition(col, 1).setString(rest[1])
    elif kind == 'setstr':
        sheet.getCellRangeByName(rest[0]).setString(':'.join(rest[1:]))
    elif kind == 'setnum':
        sheet.getCellRangeByName(rest[0]).setValue(float(rest[1]))
    elif kind == 'insrow':
        sheet.Rows.insertByIndex(int(rest[0]) - 1, 1)
        if len(rest) > 1:
            sheet.getCellByPosition(0, int(rest[0]) - 1).setString(':'.join(rest[1:]))
    elif kind == 'delcol':
        sheet.Columns.removeByIndex(col_index(rest[0]), 1)
    elif kind == 'sort':
        # Data > Sort on a block of rows, by one of its columns, as a person does.
        block = sheet.getCellRangeByName(rest[0])
        field = uno.createUnoStruct('com.sun.star.table.TableSortField')
        field.Field = int(rest[1])
        field.IsAscending = rest[2] == 'asc'
        block.sort((prop('SortFields', uno.Any('[]com.sun.star.table.TableSortField', (field,))), prop('ContainsHeader', False)))
    elif kind == 'rename':
        sheet.Name = rest[0]
    elif kind == 'move':
        doc.Sheets.moveByName(sheet_name, int(rest[0]))
    elif kind == 'merge':
        sheet.getCellRangeByName(rest[0]).merge(True)
    elif kind == 'setfml':
        sheet.getCellRangeByName(rest[0]).setFormula(':'.join(rest[1:]))
    elif kind == 'numfmt':
        formats = doc.NumberFormats
        code = ':'.join(rest[1:])
        locale = uno.createUnoStruct('com.sun.star.lang.Locale')
        key = formats.queryKey(code, locale, False)
        if key == -1:
            key = formats.addNew(code, locale)
        sheet.getCellRangeByName(rest[0]).NumberFormat = key
    elif kind == 'setdate':
        y, m, d = (int(x) for x in rest[1].split('-'))
        cell = sheet.getCellRangeByName(rest[0])
        cell.setValue(float((__import__('datetime').date(y, m, d) - __import__('datetime').date(1899, 12, 30)).days))
        apply(doc, f'numfmt:{sheet_name}:{rest[0]}:DD/MM/YYYY')
    elif kind == 'hide':
        sheet.IsVisible = False
    elif kind == 'hiderow':
        sheet.Rows.getByIndex(int(rest[0]) - 1).IsVisible = False
    elif kind == 'comment':
        sheet.Annotations.insertNew(sheet.getCellRangeByName(rest[0]).CellAddress, ':'.join(rest[1:]))
    elif kind == 'validate':
        block = sheet.getCellRangeByName(rest[0])
        rule = block.Validation
        rule.Type = uno.Enum('com.sun.star.sheet.ValidationType', 'WHOLE')
        rule.setOperator(uno.Enum('com.sun.star.sheet.ConditionOperator', 'GREATER_EQUAL'))
        rule.setFormula1('0')
        rule.ShowErrorMessage = True
        block.Validation = rule
    elif kind == 'autofilter':
        ranges = doc.DatabaseRanges
        name = f'filter_{sheet_name}'
        ranges.addNewByName(name, sheet.getCellRangeByName(rest[0]).RangeAddress)
        ranges.getByName(name).AutoFilter = True
    elif kind == 'freeze':
        doc.CurrentController.setActiveSheet(sheet)
        doc.CurrentController.freezeAtPosition(int(rest[0]), int(rest[1]))
    else:
        raise SystemExit(f'unknown edit {edit}')


def main():
    pipe, jobs = sys.argv[1], sys.argv[2]
    desktop = connect(pipe)
    with open(jobs, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line:
                continue
            source, target, filt, edits, *password = line.split('\t')
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), '_blank', 0, (prop('Hidden', True),))
            if edits != '-':
                for edit in filter(None, edits.split('|' if '|' in edits else ',')):
                    apply(doc, edit)
            doc.calculateAll()
            args = [prop('FilterName', filt), prop('Overwrite', True)]
            if filt.startswith('Text - txt - csv'):
                # UTF-8 (76), comma-separated, quoted text: what "Save as CSV" gives with the defaults a Vietnamese office picks.
                args.append(prop('FilterOptions', '44,34,76,1'))
            if password:
                args.append(prop('Password', password[0]))
            doc.storeToURL(uno.systemPathToFileUrl(target), tuple(args))
            doc.close(True)
            print('wrote', target)


main()
