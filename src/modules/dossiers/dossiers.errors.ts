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
});
