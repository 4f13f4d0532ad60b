/** Error codes of the registers and the document workflow. */
import { defineErrors } from '../../kernel/errors/app-error';

export const documentErrors = defineErrors('documents', {
  DOCUMENT_NOT_FOUND: {
    status: 404,
    message: 'No document has this id in your agency.',
    messageVi: 'Không tìm thấy văn bản này trong cơ quan của bạn.',
  },
  DOCUMENT_STATE_CONFLICT: {
    status: 409,
    message: 'The document is not in a state that allows this action; reload it.',
    messageVi: 'Văn bản không ở trạng thái cho phép thao tác này; vui lòng tải lại.',
  },
  DOCUMENT_TYPE_UNKNOWN: {
    status: 422,
    message: 'No document type has this abbreviation.',
    messageVi: 'Không có loại văn bản nào có chữ viết tắt này.',
  },
  DOCUMENT_NO_AGENCY: {
    status: 403,
    message: 'Your account does not belong to an agency with registers.',
    messageVi: 'Tài khoản của bạn không thuộc cơ quan nào có sổ văn bản.',
  },
  DOCUMENT_ISSUER_MISSING: {
    status: 422,
    message:
      'The agency has no abbreviation and place name for notations yet; an administrator sets them.',
    messageVi:
      'Cơ quan chưa khai báo chữ viết tắt và địa danh để ghi ký hiệu văn bản; quản trị viên cần khai báo.',
  },
  REGISTER_NOT_FOUND: {
    status: 404,
    message: 'The agency has no such register.',
    messageVi: 'Cơ quan không có sổ văn bản này.',
  },
  SIGNER_NOT_ELIGIBLE: {
    status: 422,
    message: 'The chosen signer is not a leader of this agency.',
    messageVi: 'Người ký được chọn không phải lãnh đạo của cơ quan.',
  },
  NOT_THE_SIGNER: {
    status: 403,
    message: 'Only the signer named on the document may approve and sign it.',
    messageVi: 'Chỉ người ký ghi trên văn bản mới được duyệt và ký văn bản.',
  },
  SIGNING_KEY_MISSING: {
    status: 422,
    message: 'No signing certificate is set up for this person or agency seal.',
    messageVi: 'Chưa có chứng thư số cho người ký hoặc con dấu của cơ quan.',
  },
  RECIPIENT_INVALID: {
    status: 422,
    message: 'A recipient agency code is not known; see details.',
    messageVi: 'Có mã cơ quan nhận không hợp lệ; xem chi tiết.',
  },
  RESPONSE_FOR_INVALID: {
    status: 422,
    message: 'The document answered is not an incoming document of your agency.',
    messageVi: 'Văn bản được trả lời không phải văn bản đến của cơ quan bạn.',
  },
  ASSIGNEE_INVALID: {
    status: 422,
    message: 'Every person assigned must be active staff of the agency; see details.',
    messageVi: 'Người được giao xử lý phải là cán bộ đang làm việc tại cơ quan; xem chi tiết.',
  },
  FILE_INVALID: {
    status: 422,
    message: 'A file is not an uploaded PDF of yours; see details.',
    messageVi: 'Có tệp không phải tệp PDF bạn đã tải lên; xem chi tiết.',
  },
});
