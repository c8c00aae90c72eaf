#!/usr/bin/env bash
# Builds test/fixtures/clients/: PHU's own demo district 693 (Huyện Bù Đốp)
# as communes really send it, each commune's file made by another program
# (LibreOffice Calc 7.4 as .xls, .ods, .xlsx with edits; openpyxl), and files
# those programs make that PHU must refuse. The fixtures are committed, so
# tests never need LibreOffice; run this again only to remake them.
#
# Needs: Debian's libreoffice-calc, python3-uno, python3-openpyxl (for
# /usr/bin/python3), and Node (npm run build:node is run first).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3
for need in /usr/bin/soffice "$PY"; do [ -x "$need" ] || { echo "missing $need (apt-get install libreoffice-calc python3-uno python3-openpyxl)" >&2; exit 1; }; done
"$PY" -c 'import uno, openpyxl' || { echo "missing python3-uno or python3-openpyxl" >&2; exit 1; }

npm run --silent build:node
PHU="node $ROOT/build/src/cli/phu.js"
WORK=$(mktemp -d)
trap 'kill "${SOFFICE_PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

$PHU demo --out "$WORK/demo" >/dev/null
SRC="$WORK/demo/4PHU-2024/TK/693 Huyện Bù Đốp"
OUT="$ROOT/test/fixtures/clients"
DISTRICT="$OUT/693 Huyện Bù Đốp"
MORE="$OUT/more"
REJECTED="$OUT/rejected"
# The same district again, each commune's file made by yet another tool or edit (see the end of this script).
OTHER="$OUT/693 other tools"
rm -rf "$OUT"
mkdir -p "$DISTRICT" "$MORE" "$REJECTED" "$OTHER"

villages() { "$PY" -c 'import openpyxl,sys; s=openpyxl.load_workbook(sys.argv[1])["SoLieu"]; r=4
while s.cell(r,2).value not in (None,"TONG"): r+=1
print(r-4)' "$1"; }
template() { # <commune code> <original> <out>
  $PHU template --unit "$1" --period TK --rows "$(villages "$2")" --out "$3" >/dev/null
}

# openpyxl: the template filled in, totals left as SUM formulas without results; 0 in LyDo R15/cccd (does not apply).
template 25318 "$SRC/25318 Xã Tân Thành.xlsx" "$WORK/t25318.xlsx"
"$PY" scripts/client-fixtures/fill-template.py formulas "$WORK/t25318.xlsx" "$SRC/25318 Xã Tân Thành.xlsx" "$DISTRICT/25318 Xã Tân Thành.xlsx" 'LyDo!C17=0'
# A values-only export (what Google Sheets or a web system gives).
"$PY" scripts/client-fixtures/fill-template.py values "$SRC/25321 Xã Tân Tiến.xlsx" "$DISTRICT/25321 Xã Tân Tiến.xlsx"

# More shapes, each read on its own: totals typed as D4+D5+... by hand, saved without results.
template 25321 "$SRC/25321 Xã Tân Tiến.xlsx" "$WORK/t25321.xlsx"
"$PY" scripts/client-fixtures/fill-template.py formulas "$WORK/t25321.xlsx" "$SRC/25321 Xã Tân Tiến.xlsx" "$MORE/25321 hand-made sums.xlsx" +sums

# Refused: a number typed as text in a template filled by openpyxl; a figure in a reason that does not apply;
# a total PHU cannot compute itself.
template 25308 "$SRC/25308 Thị trấn Thanh Bình.xlsx" "$WORK/t25308.xlsx"
"$PY" scripts/client-fixtures/fill-template.py formulas "$WORK/t25308.xlsx" "$SRC/25308 Thị trấn Thanh Bình.xlsx" "$REJECTED/25308 number as text.xlsx" "SoLieu!H4='1.321"
"$PY" scripts/client-fixtures/fill-template.py values "$SRC/25309 Xã Hưng Phước.xlsx" "$REJECTED/25309 reason not applicable.xlsx" 'LyDo!C17=5'
"$PY" scripts/client-fixtures/fill-template.py formulas "$WORK/t25308.xlsx" "$SRC/25308 Thị trấn Thanh Bình.xlsx" "$REJECTED/25308 formula not computable.xlsx" 'SoLieu!E7==SUMIF(B4:B6,"<>",E4:E6)'

# LibreOffice Calc, driven through UNO with its own profile.
PIPE="phu_fixtures_$$"
soffice --headless --invisible --norestore --nologo "-env:UserInstallation=file://$WORK/profile" "--accept=pipe,name=$PIPE;urp;" &
SOFFICE_PID=$!
XLSX='Calc MS Excel 2007 XML'
T=$'\t'
cat >"$WORK/jobs.tsv" <<JOBS
$SRC/25308 Thị trấn Thanh Bình.xlsx${T}$DISTRICT/25308 Thị trấn Thanh Bình.xls${T}MS Excel 97${T}-
$SRC/25309 Xã Hưng Phước.xlsx${T}$DISTRICT/25309 Xã Hưng Phước.ods${T}calc8${T}-
$SRC/25310 Xã Phước Thiện.xlsx${T}$DISTRICT/25310 Xã Phước Thiện.xlsx${T}$XLSX${T}delrow:SoLieu:12,delrow:ThongTin:20
$SRC/25312 Xã Thiện Hưng.xlsx${T}$DISTRICT/25312 Xã Thiện Hưng.xlsx${T}$XLSX${T}inscol:SoLieu:D:Ghi chú
$SRC/25315 Xã Thanh Hòa.xlsx${T}$DISTRICT/25315 Xã Thanh Hòa.xlsx${T}$XLSX${T}delrow:SoLieu:3
$SRC/25315 Xã Thanh Hòa.xlsx${T}$MORE/25315 key row deleted.ods${T}calc8${T}delrow:SoLieu:3,delrow:LyDo:2
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 row deleted.xls${T}MS Excel 97${T}delrow:SoLieu:12,delrow:ThongTin:20
$SRC/25312 Xã Thiện Hưng.xlsx${T}$MORE/25312 column inserted.ods${T}calc8${T}inscol:SoLieu:D:Ghi chú
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 key row deleted, labels changed.xlsx${T}$XLSX${T}delrow:SoLieu:3,setstr:SoLieu:E2:Số liệu,setstr:SoLieu:I2:Số liệu
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 csv.csv${T}Text - txt - csv (StarCalc)${T}-
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 password.ods${T}calc8${T}-${T}matkhau
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 password.xls${T}MS Excel 97${T}-${T}matkhau
JOBS
"$PY" scripts/client-fixtures/calc-save.py "$PIPE" "$WORK/jobs.tsv"

# --- Other tools and other edits: "693 other tools" is the district once more (it consolidates to the
# demo's totals); more/ and rejected/ get the single files. Calc edits are separated by `|` here.
X="$XLSX"
cat >"$WORK/jobs2.tsv" <<JOBS
$SRC/25308 Thị trấn Thanh Bình.xlsx${T}$OTHER/25308 Thị trấn Thanh Bình.xlsm${T}Calc MS Excel 2007 VBA XML${T}move:LyDo:0|addsheet:Ghi chú:0:Ghi chú của xã|setstr:ThongTin:C11:04/07/2024
$SRC/25309 Xã Hưng Phước.xlsx${T}$OTHER/25309 Xã Hưng Phước.xlsx${T}$X${T}sort:SoLieu:A4:O10:3:desc|merge:SoLieu:A1:C1|comment:SoLieu:E5:Số liệu đã rà soát|validate:SoLieu:D4:O10|hiderow:SoLieu:5|hide:LyDo
$SRC/25315 Xã Thanh Hòa.xlsx${T}$OTHER/25315 Xã Thanh Hòa.xlsx${T}$X${T}setfml:SoLieu:D11:=SUMIF(\$B\$4:\$B\$10;"<>TONG";D\$4:D\$10)|setfml:SoLieu:E11:=ROUND(SUM(E4:E10);0)|setfml:SoLieu:F11:=IF(SUM(F4:F10)>0;SUM(F4:F10);0)|setfml:SoLieu:G11:=SUM(\$G\$4:\$G\$10)|setfml:LyDo:C18:=\$SoLieu.F11
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 Office Open XML.xlsx${T}Calc Office Open XML${T}-
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 template.xltx${T}Calc MS Excel 2007 XML Template${T}-
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 date as serial, code as number.xlsx${T}$X${T}setnum:ThongTin:C11:45477|setnum:ThongTin:C5:25310|setnum:ThongTin:C3:1
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 date typed, info edited.ods${T}calc8${T}setdate:ThongTin:C11:2024-07-04|setstr:ThongTin:C6:xã  phước thiện|setstr:ThongTin:C12:Người lập khác
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 thousands format, filter, frozen.xlsx${T}$X${T}numfmt:SoLieu:D4:O8:#,##0|freeze:SoLieu:3:3|autofilter:SoLieu:A3:O7
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 phone typed as a number.xlsx${T}$X${T}setnum:ThongTin:C13:912345678|
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 phone and code typed as numbers.xls${T}MS Excel 97${T}setnum:ThongTin:C13:912345678|setnum:ThongTin:C5:25310
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 key row altered.xlsx${T}$X${T}setstr:SoLieu:E3:cccd_don|setstr:LyDo:C2:cccd_x
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 key code cleared.ods${T}calc8${T}setstr:SoLieu:B3:|
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 date written out.xls${T}MS Excel 97${T}setstr:ThongTin:C11:Ngày 04 tháng 07 năm 2024|
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 title row inserted.xlsx${T}$X${T}insrow:SoLieu:1:BÁO CÁO KẾT QUẢ 4 PHỦ|insrow:ThongTin:1:THÔNG TIN BÁO CÁO
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 blank row inside, note after total.xls${T}MS Excel 97${T}insrow:SoLieu:6|insrow:SoLieu:10|setstr:SoLieu:C11:Người lập biểu
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 info and reasons sorted.ods${T}calc8${T}sort:ThongTin:A2:C14:0:asc|sort:LyDo:A3:D17:3:desc
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 column A inserted, rate column.xlsx${T}$X${T}inscol:SoLieu:A:Ghi chú|inscol:SoLieu:I:Tỷ lệ|setfml:SoLieu:I4:=F4/E4|setfml:SoLieu:I5:=F5/0|numfmt:SoLieu:I4:I5:0.00%|setfml:ThongTin:C11:=DATE(2024;7;4)+0*NOW()
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 negative.xlsx${T}$X${T}setnum:SoLieu:G5:-9|
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 number in a text-formatted cell.xlsx${T}$X${T}numfmt:SoLieu:E5:@|setstr:SoLieu:E5:28
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 column deleted.xlsx${T}$X${T}delcol:SoLieu:G|
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 sheet renamed.xlsx${T}$X${T}rename:SoLieu:Số liệu|
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 number as text with comma.xlsx${T}$X${T}setstr:SoLieu:H4:1,321|
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 number as text with dot.ods${T}calc8${T}setstr:SoLieu:H4:1.321|
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 number with apostrophe.xlsx${T}$X${T}setfml:SoLieu:H4:'614|
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 decimal.xls${T}MS Excel 97${T}setnum:SoLieu:E5:28.5|
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 percentage.xlsx${T}$X${T}setnum:SoLieu:E5:0.45|numfmt:SoLieu:E5:0%
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 date impossible.xlsx${T}$X${T}setstr:ThongTin:C11:31/02/2024|
$SRC/25310 Xã Phước Thiện.xlsx${T}$MORE/25310 neighbour's unit code.xlsx${T}$X${T}setnum:ThongTin:C5:25309|
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 other period.xlsx${T}$X${T}setstr:ThongTin:C8:D1|
$SRC/25310 Xã Phước Thiện.xlsx${T}$REJECTED/25310 flat xml.fods${T}OpenDocument Spreadsheet Flat XML${T}-
JOBS
"$PY" scripts/client-fixtures/calc-save.py "$PIPE" "$WORK/jobs2.tsv"

# openpyxl: a write-only workbook (inline strings, ISO dates); totals as SUM($D$4:$D$8) without results;
# the total row as one shared formula without results; functions and references PHU does not compute.
"$PY" scripts/client-fixtures/fill-template.py writeonly "$SRC/25310 Xã Phước Thiện.xlsx" "$OTHER/25310 Xã Phước Thiện.xlsx"
"$PY" scripts/client-fixtures/fill-template.py formulas "$WORK/t25318.xlsx" "$SRC/25318 Xã Tân Thành.xlsx" "$OTHER/25318 Xã Tân Thành.xlsx" +abs
"$PY" scripts/client-fixtures/fill-template.py formulas "$WORK/t25321.xlsx" "$SRC/25321 Xã Tân Tiến.xlsx" "$OTHER/25321 Xã Tân Tiến.xlsx" +shared
template 25312 "$SRC/25312 Xã Thiện Hưng.xlsx" "$WORK/t25312.xlsx"
"$PY" scripts/client-fixtures/fill-template.py formulas "$WORK/t25312.xlsx" "$SRC/25312 Xã Thiện Hưng.xlsx" "$REJECTED/25312 other sheet referenced.xlsx" 'LyDo!C18==SoLieu!F8'
"$PY" scripts/client-fixtures/fill-template.py formulas "$WORK/t25312.xlsx" "$SRC/25312 Xã Thiện Hưng.xlsx" "$REJECTED/25312 whole column.xlsx" 'SoLieu!D8==SUM(D:D)-D8'
"$PY" scripts/client-fixtures/fill-template.py formulas "$WORK/t25312.xlsx" "$SRC/25312 Xã Thiện Hưng.xlsx" "$REJECTED/25312 ROUND and IF.xlsx" 'SoLieu!E8==ROUND(SUM(E4:E7),0)' 'SoLieu!F8==IF(F4="",0,SUM(F4:F7))'

# SheetJS, standing for generic exporters not installed here (Google Sheets, web systems, WPS "save as"):
# files of those formats from another writer, not files from those programs.
SHEETJS="node scripts/client-fixtures/sheetjs-export.js"
$SHEETJS "$SRC/25312 Xã Thiện Hưng.xlsx" "$OTHER/25312 Xã Thiện Hưng.xlsx" xlsx 2>/dev/null
$SHEETJS "$SRC/25309 Xã Hưng Phước.xlsx" "$MORE/25309 SheetJS.ods" ods
$SHEETJS "$SRC/25309 Xã Hưng Phước.xlsx" "$REJECTED/25309 Excel 2003 XML.xml" xlml
$SHEETJS "$SRC/25309 Xã Hưng Phước.xlsx" "$REJECTED/25309 binary.xlsb" xlsb
ls -l "$DISTRICT" "$MORE" "$REJECTED" "$OTHER"
