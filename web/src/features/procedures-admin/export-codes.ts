/**
 * The export link: the whole catalog, or the procedures whose codes were typed (separated by
 * commas, semicolons, spaces or lines, as people paste them from a spreadsheet).
 */
const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[A-Z0-9]{1,10})?$/;

export interface ExportChoice {
  codes: string[];
  /** What was typed that is not a procedure code. */
  invalid: string[];
}

export function exportChoice(typed: string): ExportChoice {
  const words = [...new Set(typed.split(/[\s,;]+/).filter(Boolean))];
  return {
    codes: words.filter((word) => PROCEDURE_CODE.test(word)),
    invalid: words.filter((word) => !PROCEDURE_CODE.test(word)),
  };
}

export function exportHref(codes: readonly string[]): string {
  const base = '/api/procedures/export';
  return codes.length === 0 ? base : `${base}?${new URLSearchParams({ codes: codes.join(',') })}`;
}
