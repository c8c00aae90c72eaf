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
rm -rf "$OUT"
mkdir -p "$DISTRICT" "$MORE" "$REJECTED"

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
ls -l "$DISTRICT" "$MORE" "$REJECTED"
