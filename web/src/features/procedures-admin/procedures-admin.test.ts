import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { recordsFromJson } from './import-file';
import { malformedSpots, refusedProcedures } from './import-problems';
import { exportChoice, exportHref } from './export-codes';

const record = { tthc: { MaTTHC: '1.001193' }, tinhso: {} };

describe('reading a catalog file', () => {
  it('takes an array of records, or one record alone', () => {
    expect(recordsFromJson(JSON.stringify([record, record]))).toEqual({
      ok: true,
      records: [record, record],
    });
    expect(recordsFromJson(JSON.stringify(record))).toEqual({ ok: true, records: [record] });
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(recordsFromJson(`\uFEFF${JSON.stringify([record])}`).ok).toBe(true);
  });

  it('says early when the file is not records at all', () => {
    expect(recordsFromJson('')).toEqual({ ok: false, problem: 'empty' });
    expect(recordsFromJson('[]')).toEqual({ ok: false, problem: 'empty' });
    expect(recordsFromJson('{"tthc":')).toEqual({ ok: false, problem: 'not_json' });
    expect(recordsFromJson('"1.001193"')).toEqual({ ok: false, problem: 'not_records' });
    expect(recordsFromJson('[{"tthc":{}}, 3]')).toEqual({ ok: false, problem: 'not_records' });
  });
});

describe("the server's refusals", () => {
  it('list each refused procedure with its place, code and problems', () => {
    const error = new ApiError('PROCEDURE_INVALID', 422, 'refused', {
      procedures: [
        { index: 1, code: '1.999991', problems: ["process: the steps' shares add up to 105"] },
        { nonsense: true },
      ],
    });
    expect(refusedProcedures(error)).toEqual([
      { index: 1, code: '1.999991', problems: ["process: the steps' shares add up to 105"] },
    ]);
    expect(refusedProcedures(new ApiError('FORBIDDEN', 403, 'no'))).toEqual([]);
  });

  it('name the record and the path of a malformed spot', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'bad', [
      { field: 'body.1.tthc.TenTTHC', message: 'is required' },
      { field: 'body', message: 'must be array' },
    ]);
    expect(malformedSpots(error, [record, { tthc: { MaTTHC: '2.000635' } }])).toEqual([
      { index: 1, code: '2.000635', path: 'tthc.TenTTHC', message: 'is required' },
      { index: null, code: null, path: 'body', message: 'must be array' },
    ]);
  });
});

describe('the export link', () => {
  it('exports everything when no code is typed', () => {
    expect(exportChoice('  ')).toEqual({ codes: [], invalid: [] });
    expect(exportHref([])).toBe('/api/procedures/export');
  });

  it('takes codes however they were separated, once each, and sets the rest apart', () => {
    expect(exportChoice('1.001193, 2.000635;1.001193\nkhai-sinh')).toEqual({
      codes: ['1.001193', '2.000635'],
      invalid: ['khai-sinh'],
    });
    expect(exportHref(['1.001193', '2.000635'])).toBe(
      '/api/procedures/export?codes=1.001193%2C2.000635',
    );
  });
});
