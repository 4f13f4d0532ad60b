/** Error codes of dossiers' fees and payments. */
import { defineErrors } from '../../../kernel/errors/app-error';

export const paymentErrors = defineErrors('dossiers', {
  FEES_DOSSIER_CLOSED: {
    status: 409,
    message: 'This dossier is closed (refused, withdrawn, stopped or returned): it owes no fees.',
    messageVi: 'Hồ sơ đã kết thúc (từ chối, rút, dừng hoặc đã trả kết quả): không thu phí, lệ phí.',
  },
  FEE_LINES_INVALID: {
    status: 422,
    message:
      'Some fee lines do not name an entry of the procedure’s schedule for this dossier’s channel, or name one twice; details lists them.',
    messageVi:
      'Có dòng phí, lệ phí không thuộc biểu phí của thủ tục theo cách thức nộp của hồ sơ, hoặc bị lặp; chi tiết nêu từng dòng.',
  },
  FEES_ALREADY_PAID: {
    status: 409,
    message: 'Fees of this dossier are already paid; the assessment can no longer be changed.',
    messageVi: 'Hồ sơ đã nộp phí, lệ phí; không thể thay đổi mức thu nữa.',
  },
  PAYMENT_IN_PROGRESS: {
    status: 409,
    message:
      'The applicant is paying online right now; change the fees once the payment ends or expires (details give when).',
    messageVi:
      'Người nộp đang thanh toán trực tuyến; chỉ thay đổi phí, lệ phí khi giao dịch kết thúc hoặc hết hạn (chi tiết nêu thời điểm).',
  },
  NOTHING_TO_PAY: {
    status: 409,
    message: 'This dossier has no fees left to pay.',
    messageVi: 'Hồ sơ không còn phí, lệ phí phải nộp.',
  },
  ONLINE_PAYMENT_UNAVAILABLE: {
    status: 422,
    message: 'Online payment is not available here; pay the fees at the one-stop desk.',
    messageVi: 'Chưa hỗ trợ thanh toán trực tuyến; vui lòng nộp phí, lệ phí tại bộ phận một cửa.',
  },
  PAYMENT_SANDBOX_UNAVAILABLE: {
    status: 404,
    message: 'The payment sandbox is switched off on this platform.',
    messageVi: 'Môi trường thanh toán thử nghiệm không được bật trên hệ thống này.',
  },
  PAYMENT_REQUEST_INVALID: {
    status: 400,
    message: 'This payment request is not genuine or has expired; start the payment again.',
    messageVi: 'Yêu cầu thanh toán không hợp lệ hoặc đã hết hạn; vui lòng thực hiện lại.',
  },
  PAYMENT_RESULT_INVALID: {
    status: 400,
    message:
      'The payment result could not be verified; your dossier shows whether the fee is paid.',
    messageVi:
      'Không xác minh được kết quả thanh toán; trạng thái nộp phí được hiển thị trong hồ sơ của bạn.',
  },
});
