'use strict';
/**
 * RFC 4180 CSV rows (quoted fields may hold commas, quotes and line breaks;
 * blank lines are dropped): the official tables quote wordings that hold
 * commas. Shared by scripts/pack-units.js and the tests that check the
 * packed maps against the same CSV files.
 *
 * @param {string} text the file's text, without a byte-order mark
 * @returns {string[][]} the rows, header included
 * @example parseCsv('a,"b, c"\n1,2\n') // [['a', 'b, c'], ['1', '2']]
 */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

module.exports = { parseCsv };
