/** Error codes of identity and access. */
import { defineErrors } from '../errors/app-error';

export const authErrors = defineErrors('auth', {
  INVALID_CREDENTIALS: {
    status: 401,
    message: 'The identifier or the password is wrong.',
    messageVi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  },
  LOGIN_THROTTLED: {
    status: 429,
    message: 'Too many failed attempts; retry after the time in Retry-After.',
    messageVi: 'Bạn đã thử sai quá nhiều lần; vui lòng thử lại sau.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    message: 'This account is disabled; contact the administrator.',
    messageVi: 'Tài khoản đã bị vô hiệu hoá; vui lòng liên hệ quản trị viên.',
  },
  ACCOUNT_EXISTS: {
    status: 409,
    message: 'An account with this email or phone number already exists.',
    messageVi: 'Đã có tài khoản dùng email hoặc số điện thoại này.',
  },
  CONTACT_REQUIRED: {
    status: 400,
    message: 'Give an email address or a phone number.',
    messageVi: 'Vui lòng nhập địa chỉ email hoặc số điện thoại.',
  },
  PHONE_INVALID: {
    status: 400,
    message: 'The phone number is not a valid Vietnamese number.',
    messageVi: 'Số điện thoại không phải số Việt Nam hợp lệ.',
  },
  PASSWORD_TOO_SHORT: {
    status: 422,
    message: 'The password must have at least 8 characters.',
    messageVi: 'Mật khẩu phải có ít nhất 8 ký tự.',
  },
  PASSWORD_TOO_LONG: {
    status: 422,
    message: 'The password must have at most 128 characters.',
    messageVi: 'Mật khẩu chỉ được có tối đa 128 ký tự.',
  },
  PASSWORD_BREACHED: {
    status: 422,
    message: 'This password appears in lists of leaked passwords; choose another.',
    messageVi: 'Mật khẩu này nằm trong danh sách mật khẩu đã bị lộ; vui lòng chọn mật khẩu khác.',
  },
  PASSWORD_CONTAINS_IDENTIFIER: {
    status: 422,
    message: 'The password must not contain your email name or phone number.',
    messageVi: 'Mật khẩu không được chứa tên email hoặc số điện thoại của bạn.',
  },
  CURRENT_PASSWORD_WRONG: {
    status: 403,
    message: 'The current password is wrong.',
    messageVi: 'Mật khẩu hiện tại không đúng.',
  },
  MFA_CODE_INVALID: {
    status: 401,
    message: 'The verification code is wrong or was already used.',
    messageVi: 'Mã xác thực không đúng hoặc đã được sử dụng.',
  },
  MFA_NOT_ENROLLED: {
    status: 409,
    message: 'Two-step verification is not set up for this account.',
    messageVi: 'Tài khoản chưa cài đặt xác thực hai bước.',
  },
  MFA_ALREADY_ENROLLED: {
    status: 409,
    message: 'Two-step verification is already set up for this account.',
    messageVi: 'Tài khoản đã cài đặt xác thực hai bước.',
  },
  MFA_ENROLMENT_NOT_STARTED: {
    status: 409,
    message: 'Start the two-step verification set-up first.',
    messageVi: 'Vui lòng bắt đầu cài đặt xác thực hai bước trước.',
  },
  CSRF_REJECTED: {
    status: 403,
    message: 'Cross-site request refused: send it from the application itself.',
    messageVi: 'Yêu cầu từ trang khác bị từ chối; vui lòng thao tác từ chính ứng dụng.',
  },
  API_KEY_INVALID: {
    status: 401,
    message: 'The API key is unknown, expired or revoked.',
    messageVi: 'Khoá API không tồn tại, đã hết hạn hoặc đã bị thu hồi.',
  },
  ROLE_UNKNOWN: {
    status: 422,
    message: 'One of the roles does not exist.',
    messageVi: 'Có vai trò không tồn tại.',
  },
  ROLE_NOT_GRANTABLE: {
    status: 403,
    message: 'You cannot grant a role with permissions you do not hold yourself.',
    messageVi: 'Bạn không thể cấp vai trò có quyền mà chính bạn không có.',
  },
  SCOPE_NOT_GRANTABLE: {
    status: 403,
    message: 'You cannot give an API key a permission you do not hold yourself.',
    messageVi: 'Bạn không thể cấp cho khoá API quyền mà chính bạn không có.',
  },
  SELF_CHANGE_REFUSED: {
    status: 409,
    message: 'You cannot change your own status or roles.',
    messageVi: 'Bạn không thể tự thay đổi trạng thái hoặc vai trò của mình.',
  },
  CITIZEN_ROLES_FIXED: {
    status: 422,
    message: 'Citizen accounts hold no roles other than citizen.',
    messageVi: 'Tài khoản công dân không được cấp vai trò khác.',
  },
});
