/** The xlsx adapter as the pane loads it on demand: its own chunk, kept out of taskpane.js and functions.js. */
export { readWorkbook } from '../../xlsx/read-workbook';
export { writeWorkbook } from '../../xlsx/write-workbook';
