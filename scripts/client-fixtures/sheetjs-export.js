#!/usr/bin/env node
// Writes a commune's workbook again with SheetJS (@e965/xlsx), standing for
// the programs not installed here that export spreadsheets through a
// generic writer rather than a full office suite: Google Sheets' and web
// systems' downloads, WPS's "save as" of older formats. These are not files
// from those programs; they are files of the same formats, written by a
// different writer than LibreOffice's or openpyxl's (shared strings, no
// styles beyond dates, no hidden key row styling).
//
//   sheetjs-export.js <original.xlsx> <out> <bookType>
//
// bookType is SheetJS's: xlsx, xls (BIFF8), ods, fods, xlml (Excel 2003 XML)
// or xlsb. Every sheet is written, the very hidden form sheet as hidden.
'use strict';
const fs = require('node:fs');
const XLSX = require('@e965/xlsx');

const [original, out, bookType] = process.argv.slice(2);
if (!original || !out || !bookType) {
  process.stderr.write('usage: sheetjs-export.js <original.xlsx> <out> <bookType>\n');
  process.exit(2);
}
const book = XLSX.read(fs.readFileSync(original), { cellDates: true, cellFormula: false });
fs.writeFileSync(out, XLSX.write(book, { type: 'buffer', bookType, bookSST: true, compression: true }));
