/** The xlsx writer as the pane loads it on demand: its own chunk, kept out of taskpane.js and functions.js (files are read in read-worker.js). */
export { writeWorkbook } from '../../xlsx/write-workbook';
