/**
 * What the server said about a refused import, in rows an administrator can act on: for a
 * 422 PROCEDURE_INVALID, each refused procedure with its place in the file, its code and its
 * problems; for a 400 VALIDATION_FAILED, each malformed spot named by record and path
 * (`body.3.tthc.TenTTHC` becomes record 4, 1.001193, `tthc.TenTTHC`).
 */
import { ApiError } from '../../shared/api/api-error';
import { recordCode } from './import-file';

export interface RefusedProcedure {
  /** The record's position in the file, from 0 as the server counts. */
  index: number;
  code: string;
  problems: string[];
}

export function refusedProcedures(error: unknown): RefusedProcedure[] {
  if (!(error instanceof ApiError) || error.code !== 'PROCEDURE_INVALID') return [];
  const details = error.details as { procedures?: unknown } | undefined;
  if (!Array.isArray(details?.procedures)) return [];
  return details.procedures.flatMap((item: unknown) => {
    const entry = item as Partial<RefusedProcedure> | null;
    if (!entry || typeof entry.index !== 'number') return [];
    return [
      {
        index: entry.index,
        code: typeof entry.code === 'string' ? entry.code : '',
        problems: Array.isArray(entry.problems)
          ? entry.problems.filter((problem): problem is string => typeof problem === 'string')
          : [],
      },
    ];
  });
}

export interface MalformedSpot {
  /** The record's position from 0, or null when the problem is with the file as a whole. */
  index: number | null;
  code: string | null;
  path: string;
  message: string;
}

export function malformedSpots(
  error: unknown,
  records: readonly Record<string, unknown>[],
): MalformedSpot[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  return error.fieldProblems.map((problem) => {
    const match = /^(\d+)(?:\.(.*))?$/.exec(problem.field);
    if (!match) return { index: null, code: null, path: problem.field, message: problem.message };
    const index = Number(match[1]);
    return {
      index,
      code: recordCode(records[index]),
      path: match[2] ?? '',
      message: problem.message,
    };
  });
}
