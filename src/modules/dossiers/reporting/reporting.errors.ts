/** Error codes of the service-quality index and the operations figures of the dossiers. */
import { defineErrors } from '../../../kernel/errors/app-error';

export const reportingErrors = defineErrors('dossiers', {
  REPORTING_PERIOD_INVALID: {
    status: 400,
    message: 'The period must be a month (2026-10), a quarter (2026-Q3) or a year (2026).',
    messageVi: 'Kỳ báo cáo phải là tháng (2026-10), quý (2026-Q3) hoặc năm (2026).',
  },
  REPORTING_PERIOD_NOT_STARTED: {
    status: 400,
    message: 'The period has not started yet; there is nothing to report.',
    messageVi: 'Kỳ báo cáo chưa bắt đầu; chưa có số liệu.',
  },
  REPORTING_AGENCY_NOT_FOUND: {
    status: 404,
    message: 'No agency with this code is within your reach.',
    messageVi: 'Không có cơ quan nào có mã này trong phạm vi của bạn.',
  },
});
