/** One row as the spreadsheet has it: its number as the user sees it (row 1 is the top), and its cells as text. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}
