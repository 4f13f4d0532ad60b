/** Error codes of the procedure catalog and the dossiers. */
import { defineErrors } from '../../kernel/errors/app-error';

export const dossierErrors = defineErrors('dossiers', {
  PROCEDURE_NOT_FOUND: {
    status: 404,
    message: 'No procedure in the catalog has this code.',
    messageVi: 'Không có thủ tục hành chính nào có mã này.',
  },
  PROCEDURE_INVALID: {
    status: 422,
    message:
      'Some procedures cannot be taken into the catalog; details lists each one and why. Nothing was imported.',
    messageVi:
      'Có thủ tục không thể đưa vào danh mục; chi tiết nêu từng thủ tục và lý do. Chưa thủ tục nào được nhập.',
  },
  PROCEDURE_NOT_ONLINE: {
    status: 422,
    message: 'This procedure is not offered online; apply at the desk or by post.',
    messageVi: 'Thủ tục này không tiếp nhận trực tuyến; vui lòng nộp trực tiếp hoặc qua bưu chính.',
  },
  DOSSIER_INVALID: {
    status: 422,
    message:
      'The dossier is not complete: details lists the fields and documents to put right. Nothing was submitted.',
    messageVi:
      'Hồ sơ chưa đầy đủ: chi tiết nêu các trường và giấy tờ cần sửa. Hồ sơ chưa được nộp.',
  },
  COMMUNE_NOT_SERVED: {
    status: 422,
    message:
      'Choose the commune that receives this dossier; no People’s Committee serves the one given.',
    messageVi:
      'Vui lòng chọn xã, phường tiếp nhận hồ sơ; không có UBND cấp xã nào phục vụ đơn vị đã chọn.',
  },
  CITIZENS_ONLY: {
    status: 403,
    message: 'Online dossiers are submitted by citizens and businesses from their own accounts.',
    messageVi: 'Hồ sơ trực tuyến do công dân, doanh nghiệp nộp từ tài khoản của mình.',
  },
  DOSSIER_NOT_FOUND: {
    status: 404,
    message: 'No dossier of yours has this code.',
    messageVi: 'Không tìm thấy hồ sơ này của bạn.',
  },
  TRACKING_NOT_FOUND: {
    status: 404,
    message: 'No dossier has this code with these four digits.',
    messageVi: 'Không có hồ sơ nào có mã này với bốn chữ số đã nhập.',
  },
  TRACKING_LOCKED: {
    status: 429,
    message: 'Too many wrong digits for this dossier; try again later.',
    messageVi: 'Nhập sai quá nhiều lần cho hồ sơ này; vui lòng thử lại sau.',
  },
  DOSSIER_WRONG_STATUS: {
    status: 409,
    message: 'The dossier is not in a state that allows this action; details give its status.',
    messageVi:
      'Hồ sơ đang ở trạng thái không cho phép thao tác này; chi tiết nêu trạng thái hiện tại.',
  },
  DOSSIER_WRONG_STEP: {
    status: 409,
    message:
      'The dossier is not at a step where this action is taken; details give the step it is at.',
    messageVi: 'Hồ sơ không ở bước xử lý cho phép thao tác này; chi tiết nêu bước hiện tại.',
  },
  SUPPLEMENT_INVALID: {
    status: 422,
    message:
      'The request for more documents names documents the procedure does not list, or nothing at all.',
    messageVi:
      'Yêu cầu bổ sung nêu giấy tờ không có trong thành phần hồ sơ của thủ tục, hoặc không nêu gì.',
  },
  NO_EARLIER_STEP: {
    status: 422,
    message: 'There is no such earlier step to send the dossier back to.',
    messageVi: 'Không có bước trước đó như vậy để chuyển trả hồ sơ.',
  },
  FEES_OUTSTANDING: {
    status: 409,
    message: 'The dossier has fees not yet paid; the result is returned once they are.',
    messageVi: 'Hồ sơ còn phí, lệ phí chưa nộp; kết quả được trả khi đã nộp đủ.',
  },
  DOSSIER_NOT_LATE: {
    status: 409,
    message: 'The dossier is not late: an apology is written only once its appointment has passed.',
    messageVi: 'Hồ sơ chưa quá hạn: phiếu xin lỗi chỉ lập khi đã quá ngày hẹn trả.',
  },
  APPOINTMENT_INVALID: {
    status: 422,
    message: 'The new appointment must be a working day after now.',
    messageVi: 'Ngày hẹn mới phải là ngày làm việc sau thời điểm hiện tại.',
  },
  SURVEY_ANSWERED: {
    status: 409,
    message: 'This dossier has already been rated.',
    messageVi: 'Hồ sơ này đã được đánh giá.',
  },
  NO_RESULT: {
    status: 404,
    message: 'This dossier has no result to download yet.',
    messageVi: 'Hồ sơ chưa có kết quả để tải về.',
  },
  SIGNER_CERTIFICATE_MISSING: {
    status: 409,
    message:
      'You have no signing certificate with a signature image on the platform; ask the administrator to issue one.',
    messageVi: 'Bạn chưa có chứng thư ký số kèm hình chữ ký trên hệ thống; đề nghị quản trị cấp.',
  },
  NO_PAPER: {
    status: 404,
    message:
      'This dossier has no such paper yet (a receipt once received, a refusal once refused…).',
    messageVi:
      'Hồ sơ chưa có giấy tờ này (giấy tiếp nhận khi đã tiếp nhận, phiếu từ chối khi đã từ chối…).',
  },
});
