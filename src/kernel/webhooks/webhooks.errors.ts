/** Error codes of webhook administration. */
import { defineErrors } from '../errors/app-error';

export const webhookErrors = defineErrors('webhooks', {
  WEBHOOK_NOT_FOUND: {
    status: 404,
    message: 'No webhook subscription with this id is within your reach.',
    messageVi: 'Không tìm thấy đăng ký webhook này trong phạm vi quản lý của bạn.',
  },
  WEBHOOK_URL_NOT_ALLOWED: {
    status: 400,
    message: 'The webhook address is not allowed: use https to a public host (see details.reason).',
    messageVi:
      'Địa chỉ webhook không được phép: hãy dùng https tới một máy chủ công khai (xem details.reason).',
  },
  WEBHOOK_EVENT_TYPE_UNKNOWN: {
    status: 422,
    message: 'Some event types cannot be subscribed to; see details.',
    messageVi: 'Một số loại sự kiện không thể đăng ký nhận; xem chi tiết.',
  },
  WEBHOOK_INACTIVE: {
    status: 409,
    message: 'The subscription is inactive; activate it before sending a test event.',
    messageVi: 'Đăng ký webhook đang tắt; hãy bật lại trước khi gửi sự kiện thử.',
  },
});
