#!/usr/bin/env node
// Packs the statistics office's unit catalogues (CSV, one row per commune)
// into the compact nested JSON the core ships: names lose their type prefix,
// which is stored once per type, so the whole country stays small in a
// browser bundle. The levels come from the columns: a catalogue with
// district columns packs tinh > huyen > xa, one without packs tinh > xa.
//
//   pack-units.js <dvhc.csv> <out.json> <yyyy-mm-dd>
//   pack-units.js --conversion <chuyen-doi.csv> <out.json> <yyyy-mm-dd>
//
// The conversion table packs as rows [old commune code, new commune code,
// change] with each change wording stored once (an array, not an object keyed
// by code, so the type checker infers one small type); rows without an old
// commune code (whole districts made special zones) keep their old district.
'use strict';
const fs = require('node:fs');
const { parseCsv } = require('./parse-csv');

const args = process.argv.slice(2);
const conversion = args[0] === '--conversion';
if (conversion) args.shift();
const [input, output, date] = args;
if (!input || !output || !date) {
  console.error('usage: pack-units.js [--conversion] <csv> <out.json> <yyyy-mm-dd>');
  process.exit(2);
}

const rows = parseCsv(fs.readFileSync(input, 'utf8').replace(/^\uFEFF/, ''));
const header = rows.shift();
const col = (name) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`missing column ${name}`);
  return i;
};
const nfc = (s) => s.normalize('NFC').trim();

if (conversion) {
  const changes = [];
  const changeIndex = (c) => {
    let i = changes.indexOf(c);
    if (i < 0) i = changes.push(c) - 1;
    return i;
  };
  const communes = [];
  const areas = [];
  for (const f of rows) {
    const newCode = f[col('new_commune_code')];
    const change = changeIndex(nfc(f[col('change')]));
    const old = f[col('old_commune_code')];
    if (old) communes.push([old, newCode, change]);
    else areas.push([f[col('old_district_code')], nfc(f[col('old_commune_name')]) || nfc(f[col('old_district_name')]), newCode, change]);
  }
  const out = { date, source: 'Bảng chuyển đổi đơn vị hành chính cấp xã', changes, communes, areas };
  fs.writeFileSync(output, JSON.stringify(out));
  console.log(`${rows.length} rows, ${new Set(communes.map((c) => c[0])).size} old communes, ${areas.length} areas -> ${output}`);
  process.exit(0);
}

const types = [];
const typeIndex = (type, fullName) => {
  // The catalogue is not consistent in case ("Thành Phố Bắc Kạn"): keep the
  // prefix exactly as written so that full names round-trip.
  const known = ['Thành phố', 'Tỉnh', 'Thị xã', 'Thị trấn', 'Quận', 'Huyện', 'Phường', 'Xã', 'Đặc khu'];
  const name = nfc(fullName);
  const hit = known.find((p) => name.toLowerCase().startsWith(p.toLowerCase() + ' '));
  if (!hit) throw new Error(`no known prefix in ${fullName}`);
  const prefix = name.slice(0, hit.length);
  let i = types.findIndex((t) => t[0] === type && t[1] === prefix);
  if (i < 0) i = types.push([type, prefix]) - 1;
  return [i, name.slice(prefix.length + 1)];
};
const levels = header.includes('district_code') ? [['province', 'tinh'], ['district', 'huyen'], ['commune', 'xa']] : [['province', 'tinh'], ['commune', 'xa']];
const tree = [];
const byCode = new Map();
for (const f of rows) {
  let list = tree;
  for (const [level] of levels) {
    const code = f[col(`${level}_code`)];
    let n = byCode.get(level + code);
    if (!n) {
      const [t, short] = typeIndex(f[col(`${level}_type`)], f[col(`${level}_name`)]);
      n = level === 'commune' ? [code, short, t] : [code, short, t, []];
      byCode.set(level + code, n);
      list.push(n);
    }
    list = n[3];
  }
}
const out = { date, source: 'Tổng cục Thống kê, danh mục đơn vị hành chính', levels: levels.map((l) => l[1]), types, tree };
fs.writeFileSync(output, JSON.stringify(out));
const count = (level) => [...byCode.keys()].filter((k) => k.startsWith(level)).length;
console.log(`${levels.map(([l]) => `${count(l)} ${l}`).join(', ')} -> ${output}`);
