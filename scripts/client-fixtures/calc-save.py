"""Opens workbooks in LibreOffice Calc (through UNO), edits them as a person
would (delete a row, insert a column, delete the key row) and saves them in
the format asked, so that PHU's test corpus holds files really written by
Calc. Run by scripts/make-client-fixtures.sh with Debian's /usr/bin/python3.

Usage: calc-save.py <pipe name> <job file>
A job file has one job per line, tab-separated:
  <source> <target> <filter> <edits (comma-separated, or ->) [<password>]
Edits: delrow:<sheet>:<row>  inscol:<sheet>:<col>:<header text>  setnum:<sheet>:<cell>:<number>
  setstr:<sheet>:<cell>:<text>
(rows and columns 1-based).
"""
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
    sheet = doc.Sheets.getByName(sheet_name)
    if kind == 'delrow':
        sheet.Rows.removeByIndex(int(rest[0]) - 1, 1)
    elif kind == 'inscol':
        col = col_index(rest[0])
        sheet.Columns.insertByIndex(col, 1)
        sheet.getCellByPosition(col, 1).setString(rest[1])
    elif kind == 'setstr':
        sheet.getCellRangeByName(rest[0]).setString(rest[1])
    elif kind == 'setnum':
        sheet.getCellRangeByName(rest[0]).setValue(float(rest[1]))
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
                for edit in edits.split(','):
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
