// A file the importer cannot use: the message names the file and, where it can, the sheet,
// column or record at fault. The CLI prints it and exits 1 without writing anything.
export class ImportError extends Error {}
