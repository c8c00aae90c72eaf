/** RFC 4180 CSV rows, header included (see parse-csv.js). */
export function parseCsv(text: string): string[][];
