/** Error codes of the HTTP layer, shared by every route. */
import { defineErrors } from './app-error';

export const httpErrors = defineErrors('http', {
  VALIDATION_FAILED: {
    status: 400,
    message: 'The request is not valid; see details for each field.',
    messageVi: 'Yêu cầu không hợp lệ; xem chi tiết từng trường.',
  },
  MALFORMED_JSON: {
    status: 400,
    message: 'The request body is not valid JSON.',
    messageVi: 'Nội dung yêu cầu không phải JSON hợp lệ.',
  },
  UNAUTHENTICATED: {
    status: 401,
    message: 'Sign in to continue.',
    messageVi: 'Vui lòng đăng nhập để tiếp tục.',
  },
  FORBIDDEN: {
    status: 403,
    message: 'You are not allowed to do this.',
    messageVi: 'Bạn không có quyền thực hiện thao tác này.',
  },
  NOT_FOUND: {
    status: 404,
    message: 'Not found.',
    messageVi: 'Không tìm thấy.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    message: 'No such endpoint.',
    messageVi: 'Không có địa chỉ API này.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: 'This method is not allowed here.',
    messageVi: 'Phương thức này không được phép.',
  },
  CONFLICT: {
    status: 409,
    message: 'The request conflicts with the current state.',
    messageVi: 'Yêu cầu xung đột với trạng thái hiện tại.',
  },
  IDEMPOTENCY_KEY_IN_USE: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed.',
    messageVi: 'Một yêu cầu với cùng Idempotency-Key đang được xử lý.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: 'This Idempotency-Key was already used with a different request.',
    messageVi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    message: 'The Idempotency-Key header must be 1 to 255 printable characters.',
    messageVi: 'Tiêu đề Idempotency-Key phải gồm 1 đến 255 ký tự in được.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: 'The request body is too large.',
    messageVi: 'Nội dung yêu cầu quá lớn.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'This content type is not accepted here.',
    messageVi: 'Kiểu nội dung này không được chấp nhận.',
  },
  RATE_LIMITED: {
    status: 429,
    message: 'Too many requests; retry after the time in Retry-After.',
    messageVi: 'Quá nhiều yêu cầu; vui lòng thử lại sau.',
  },
  OVERLOADED: {
    status: 503,
    message: 'The service is busy; retry after the time in Retry-After.',
    messageVi: 'Hệ thống đang quá tải; vui lòng thử lại sau.',
  },
  NOT_READY: {
    status: 503,
    message: 'A dependency of the service is not reachable.',
    messageVi: 'Một thành phần của hệ thống chưa sẵn sàng.',
  },
  INTERNAL: {
    status: 500,
    message: 'An unexpected error occurred; it has been logged.',
    messageVi: 'Đã xảy ra lỗi không mong muốn; lỗi đã được ghi lại.',
  },
});
