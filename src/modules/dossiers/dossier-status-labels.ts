/**
 * The national portal's dossier statuses (TrangThaiHoSo 1–10) as people read them, in the
 * words of the one-stop desks, for notices and printed papers.
 */
import type { DossierStatus } from './dossiers.tables';

export const STATUS_LABELS: Readonly<Record<DossierStatus, { vi: string; en: string }>> = {
  submitted: { vi: 'Mới nộp, chờ tiếp nhận', en: 'Submitted, awaiting reception' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  refused: { vi: 'Từ chối tiếp nhận', en: 'Refused' },
  processing: { vi: 'Đang xử lý', en: 'Being processed' },
  supplement_requested: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'More documents requested' },
  awaiting_payment: { vi: 'Chờ nộp phí, lệ phí', en: 'Awaiting payment of fees' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  stopped: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  resolved: { vi: 'Đã có kết quả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

/** TrangThaiHoSo, the national portal's number for each status. */
export const NATIONAL_STATUS: Readonly<Record<DossierStatus, number>> = {
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplement_requested: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  resolved: 9,
  returned: 10,
};
