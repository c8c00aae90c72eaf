#!/usr/bin/env node
// Packs the statistics office's unit catalogue (CSV, one row per commune) into
// the compact nested JSON the core ships: names lose their type prefix, which
// is stored once per type, so the whole country stays small in a browser bundle.
'use strict';
const fs = require('node:fs');

const [, , input, output, date] = process.argv;
if (!input || !output || !date) {
  console.error('usage: pack-units.js <dvhc.csv> <out.json> <yyyy-mm-dd>');
  process.exit(2);
}
const lines = fs.readFileSync(input, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
const header = lines.shift().split(',');
const col = (name) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`missing column ${name}`);
  return i;
};
const types = [];
const typeIndex = (type, fullName) => {
  // The catalogue is not consistent in case ("Thành Phố Bắc Kạn"): keep the
  // prefix exactly as written so that full names round-trip.
  const known = ['Thành phố', 'Tỉnh', 'Thị xã', 'Thị trấn', 'Quận', 'Huyện', 'Phường', 'Xã'];
  const hit = known.find((p) => fullName.toLowerCase().startsWith(p.toLowerCase() + ' '));
  if (!hit) throw new Error(`no known prefix in ${fullName}`);
  const prefix = fullName.slice(0, hit.length);
  let i = types.findIndex((t) => t[0] === type && t[1] === prefix);
  if (i < 0) i = types.push([type, prefix]) - 1;
  return [i, fullName.slice(prefix.length + 1).normalize('NFC')];
};
const tree = [];
const byCode = new Map();
for (const line of lines) {
  const f = line.split(',');
  const node = (level, parentList) => {
    const code = f[col(`${level}_code`)];
    let n = byCode.get(level + code);
    if (!n) {
      const [t, short] = typeIndex(f[col(`${level}_type`)], f[col(`${level}_name`)]);
      n = level === 'commune' ? [code, short, t] : [code, short, t, []];
      byCode.set(level + code, n);
      parentList.push(n);
    }
    return n;
  };
  const p = node('province', tree);
  const d = node('district', p[3]);
  node('commune', d[3]);
}
const out = { date, source: 'Tổng cục Thống kê, danh mục đơn vị hành chính', levels: ['tinh', 'huyen', 'xa'], types, tree };
fs.writeFileSync(output, JSON.stringify(out));
console.log(`${tree.length} provinces, ${[...byCode.keys()].filter((k) => k.startsWith('district')).length} districts, ${[...byCode.keys()].filter((k) => k.startsWith('commune')).length} communes -> ${output}`);
