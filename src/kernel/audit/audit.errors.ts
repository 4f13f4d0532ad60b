/** Error codes of the audit API. */
import { defineErrors } from '../errors/app-error';

export const auditErrors = defineErrors('audit', {
  AUDIT_PERIOD_INVALID: {
    status: 400,
    message: 'The start of the period ("from") must not be after its end ("to").',
    messageVi: 'Thời điểm bắt đầu ("from") không được sau thời điểm kết thúc ("to").',
  },
});
