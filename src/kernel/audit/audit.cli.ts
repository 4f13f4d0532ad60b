/**
 * `tinhso audit verify`: prints the verification of the audit chain, in Vietnamese and
 * English, followed by the result as one JSON line for scripts; exit code 1 when broken.
 */
import type { AppContext } from '../context';
import { verifyAuditChain, type AuditProblem, type AuditVerification } from './audit.verify';

export interface TextOutput {
  write(text: string): unknown;
}

const PROBLEMS: Record<AuditProblem, { vi: string; en: string }> = {
  altered: { vi: 'bản ghi đã bị sửa đổi', en: 'a row was altered' },
  removed: { vi: 'bản ghi đã bị xoá', en: 'a row was removed' },
  reordered: { vi: 'thứ tự bản ghi đã bị đảo', en: 'rows were reordered' },
  seq_gap: { vi: 'chuỗi niêm phong bị đứt quãng', en: 'the seal sequence has a gap' },
  bad_signature: {
    vi: 'chữ ký điểm kiểm tra không hợp lệ',
    en: 'a checkpoint signature does not verify',
  },
  checkpoint_mismatch: {
    vi: 'điểm kiểm tra không khớp với chuỗi',
    en: 'a checkpoint does not match the chain',
  },
  unsealed_too_long: {
    vi: 'có bản ghi chưa được niêm phong quá lâu',
    en: 'a row has stayed unsealed too long',
  },
};

export function describeVerification(result: AuditVerification): string {
  if (result.ok) {
    return (
      `Nhật ký kiểm toán toàn vẹn: ${result.checkedRows} bản ghi, ` +
      `${result.checkpointsVerified} điểm kiểm tra đã xác minh.\n` +
      `Audit log intact: ${result.checkedRows} rows, ` +
      `${result.checkpointsVerified} checkpoints verified.\n`
    );
  }
  const problem = PROBLEMS[result.problem!];
  const where = [
    result.firstBadSeq !== undefined ? `seq ${result.firstBadSeq}` : null,
    result.firstBadEventId !== undefined ? `event ${result.firstBadEventId}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    `Nhật ký kiểm toán KHÔNG toàn vẹn: ${problem.vi} (${where}).\n` +
    `Audit log NOT intact: ${problem.en} (${where}).\n`
  );
}

/** Runs the verification, writes the report to `out`, and returns the process exit code. */
export async function runAuditVerify(ctx: AppContext, out: TextOutput): Promise<number> {
  const result = await verifyAuditChain(ctx.db);
  out.write(describeVerification(result));
  out.write(`${JSON.stringify(result)}\n`);
  return result.ok ? 0 : 1;
}
