/** Error codes of the agency tree. */
import { defineErrors } from '../errors/app-error';

export const agencyErrors = defineErrors('agencies', {
  AGENCY_NOT_FOUND: {
    status: 404,
    message: 'No agency with this id is within your reach.',
    messageVi: 'Không tìm thấy cơ quan này trong phạm vi quản lý của bạn.',
  },
  AGENCY_PARENT_NOT_FOUND: {
    status: 404,
    message: 'The parent agency does not exist or is outside your reach.',
    messageVi: 'Cơ quan cấp trên không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.',
  },
  AGENCY_CODE_TAKEN: {
    status: 409,
    message: 'Another agency already has this code.',
    messageVi: 'Mã định danh này đã được dùng cho một cơ quan khác.',
  },
  AGENCY_CYCLE: {
    status: 409,
    message: 'An agency cannot be placed under itself or under one of its own sub-agencies.',
    messageVi: 'Không thể đặt một cơ quan trực thuộc chính nó hoặc một đơn vị cấp dưới của nó.',
  },
  AGENCY_PARENT_INACTIVE: {
    status: 409,
    message: 'The parent agency is inactive; an active agency cannot be placed under it.',
    messageVi:
      'Cơ quan cấp trên đã ngừng hoạt động; không thể đặt cơ quan đang hoạt động trực thuộc.',
  },
  AGENCY_HAS_ACTIVE_CHILDREN: {
    status: 409,
    message: 'Deactivate or move the active sub-agencies first.',
    messageVi: 'Cần ngừng hoạt động hoặc chuyển các đơn vị cấp dưới đang hoạt động trước.',
  },
  AGENCY_UNKNOWN_COMMUNE: {
    status: 422,
    message: 'Some commune codes are not commune-level units; see details.',
    messageVi: 'Một số mã không phải là đơn vị hành chính cấp xã; xem chi tiết.',
  },
});
