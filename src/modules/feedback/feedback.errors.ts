/** Error codes of citizen reports. */
import { defineErrors } from '../../kernel/errors/app-error';

export const feedbackErrors = defineErrors('feedback', {
  REPORT_NOT_FOUND: {
    status: 404,
    message: 'No report has this tracking code, or it is not visible to you.',
    messageVi: 'Không tìm thấy phản ánh có mã này, hoặc bạn không được xem phản ánh này.',
  },
  CATEGORY_NOT_FOUND: {
    status: 404,
    message: 'No active category has this code.',
    messageVi: 'Không có lĩnh vực phản ánh nào đang hoạt động với mã này.',
  },
  REPORT_OUTSIDE_PROVINCE: {
    status: 422,
    message: 'The point is outside every commune the platform serves.',
    messageVi: 'Vị trí nằm ngoài các xã, phường, đặc khu mà hệ thống phục vụ.',
  },
  REPORT_ATTRIBUTES_INVALID: {
    status: 400,
    message: 'Some answers to the category questions are missing or not valid; see details.',
    messageVi:
      'Một số câu trả lời cho câu hỏi của lĩnh vực bị thiếu hoặc không hợp lệ; xem chi tiết.',
  },
  REPORT_ANONYMOUS_NOT_ALLOWED: {
    status: 422,
    message: 'This category does not accept anonymous reports; give a name and a contact.',
    messageVi: 'Lĩnh vực này không nhận phản ánh ẩn danh; vui lòng cho biết họ tên và liên hệ.',
  },
  REPORT_CONTACT_REQUIRED: {
    status: 422,
    message: 'Give an e-mail address or a phone number, or sign in, to be told of the answer.',
    messageVi: 'Vui lòng cho biết e-mail hoặc số điện thoại, hoặc đăng nhập, để nhận kết quả.',
  },
  REPORT_TOO_MANY_FILES: {
    status: 400,
    message: 'A report takes at most 5 photos and 1 video.',
    messageVi: 'Mỗi phản ánh có tối đa 5 ảnh và 1 video.',
  },
  REPORT_SECRET_INVALID: {
    status: 403,
    message: 'Only the person who filed the report can do this.',
    messageVi: 'Chỉ người gửi phản ánh mới thực hiện được thao tác này.',
  },
  REPORT_TRANSITION_INVALID: {
    status: 409,
    message: 'The report is not in a state that allows this; see details.',
    messageVi: 'Trạng thái hiện tại của phản ánh không cho phép thao tác này; xem chi tiết.',
  },
  REPORT_NOT_RATEABLE: {
    status: 409,
    message: 'Only an answered report can be rated, once.',
    messageVi: 'Chỉ đánh giá được phản ánh đã có kết quả, và chỉ một lần.',
  },
  REPORT_REOPEN_EXPIRED: {
    status: 409,
    message: 'More than 7 days have passed since the answer; file a new report instead.',
    messageVi: 'Đã quá 7 ngày kể từ khi có kết quả; vui lòng gửi phản ánh mới.',
  },
  REPORT_DUPLICATE_TARGET_INVALID: {
    status: 422,
    message: 'The original report must be another open or resolved report of the same agency.',
    messageVi: 'Phản ánh gốc phải là một phản ánh khác, chưa bị từ chối hay trùng lặp.',
  },
  REPORT_TRANSFER_TARGET_INVALID: {
    status: 422,
    message: 'Choose another active agency to transfer the report to.',
    messageVi: 'Vui lòng chọn một cơ quan khác đang hoạt động để chuyển phản ánh.',
  },
  REPORT_ASSIGNEE_INVALID: {
    status: 422,
    message: 'The officer must be an active staff member of an agency that handles the report.',
    messageVi: 'Cán bộ được giao phải là cán bộ đang làm việc tại cơ quan xử lý phản ánh.',
  },
  MEDIA_NOT_FOUND: {
    status: 404,
    message: 'No such photo or video on this report.',
    messageVi: 'Không có ảnh hoặc video này trong phản ánh.',
  },
});
