/**
 * Error codes of the document exchange. Sending refuses with these as 4xx; receiving stores a
 * refused packet with one of them as its reason and answers the sender with status 02, so the
 * codes of the edXML codec a receiver can meet are registered here too (docs/errors.md lists
 * them under `documents`).
 */
import { defineErrors } from '../../../kernel/errors/app-error';
import { edxmlErrorSpecs } from '../edxml';

export const exchangeErrors = defineErrors('documents', {
  EXCHANGE_DOCUMENT_NOT_ISSUED: {
    status: 409,
    message:
      'Only an issued document can be sent, updated, replaced or recalled over the exchange.',
    messageVi:
      'Chỉ văn bản đã phát hành mới được gửi, cập nhật, thay thế hoặc thu hồi qua trục liên thông.',
  },
  EXCHANGE_SECRECY_NOT_ALLOWED: {
    status: 422,
    message: 'A document marked secret (Mật, Tối mật, Tuyệt mật) is never sent electronically.',
    messageVi: 'Văn bản mật (Mật, Tối mật, Tuyệt mật) không được gửi qua môi trường điện tử.',
  },
  EXCHANGE_NO_ROUTE: {
    status: 422,
    message:
      'No route reaches a recipient: it is not an agency of this platform and no peer serves its code; see details.',
    messageVi:
      'Không có đường gửi tới cơ quan nhận: cơ quan không thuộc hệ thống và chưa có điểm kết nối nào phục vụ mã của cơ quan; xem chi tiết.',
  },
  EXCHANGE_NO_SEAL: {
    status: 422,
    message: 'The agency has no digital seal certificate to sign exchange packages with.',
    messageVi: 'Cơ quan chưa có chứng thư số của con dấu để ký gói tin liên thông.',
  },
  EXCHANGE_SIGNED_FILE_MISSING: {
    status: 422,
    message: 'The document has no signed PDF to send.',
    messageVi: 'Văn bản chưa có tệp PDF đã ký số để gửi.',
  },
  EXCHANGE_REASON_REQUIRED: {
    status: 422,
    message: 'Say why the document is updated, replaced or recalled.',
    messageVi: 'Vui lòng nêu lý do cập nhật, thay thế hoặc thu hồi văn bản.',
  },
  EXCHANGE_NOT_SENT: {
    status: 409,
    message: 'The document was not sent to any agency over the exchange.',
    messageVi: 'Văn bản chưa được gửi tới cơ quan nào qua trục liên thông.',
  },
  EXCHANGE_STATUS_CODE_INVALID: {
    status: 422,
    message: 'This status code cannot be sent about an incoming document; see details.',
    messageVi: 'Không gửi được mã trạng thái này cho văn bản đến; xem chi tiết.',
  },
  EXCHANGE_PACKAGE_TOO_LARGE: {
    status: 413,
    message: 'The package is larger than this platform accepts.',
    messageVi: 'Gói tin vượt quá dung lượng hệ thống cho phép.',
  },
  EXCHANGE_PACKAGE_UNSIGNED: {
    status: 422,
    message: 'The package carries no XML signature.',
    messageVi: 'Gói tin không có chữ ký số XML.',
  },
  EXCHANGE_SIGNATURE_INVALID: {
    status: 422,
    message: 'The package signature does not verify; see the reason.',
    messageVi: 'Chữ ký số của gói tin không hợp lệ; xem lý do.',
  },
  EXCHANGE_CERTIFICATE_UNTRUSTED: {
    status: 422,
    message:
      'The signer certificate does not chain to a trusted root, or is expired or revoked; see the reason.',
    messageVi:
      'Chứng thư số của người ký không thuộc tổ chức cấp chứng thư được tin cậy, hoặc đã hết hạn, bị thu hồi; xem lý do.',
  },
  EXCHANGE_UNKNOWN_RECIPIENT: {
    status: 422,
    message: 'No recipient of the package is an agency of this platform.',
    messageVi: 'Không cơ quan nhận nào của gói tin thuộc hệ thống này.',
  },
  EXCHANGE_UNKNOWN_DOCUMENT: {
    status: 422,
    message: 'The status is about a document this platform neither sent nor holds.',
    messageVi: 'Gói tin trạng thái nói về văn bản mà hệ thống không gửi và không lưu giữ.',
  },
  EXCHANGE_NOT_A_RECIPIENT: {
    status: 422,
    message: 'The status comes from an agency the document was not sent to.',
    messageVi: 'Gói tin trạng thái đến từ cơ quan không phải nơi nhận văn bản.',
  },
  EXCHANGE_DELIVERY_FAILED: {
    status: 502,
    message: 'The package could not be handed to its recipient; see the reason on the package.',
    messageVi: 'Chưa chuyển được gói tin tới nơi nhận; xem lý do trên gói tin.',
  },
  EXCHANGE_PACKAGE_NOT_FOUND: {
    status: 404,
    message: 'No exchange package has this id among the agencies you serve.',
    messageVi: 'Không tìm thấy gói tin liên thông này trong các cơ quan bạn phục vụ.',
  },
  EXCHANGE_PEER_NOT_FOUND: {
    status: 404,
    message: 'No exchange peer has this id.',
    messageVi: 'Không tìm thấy điểm kết nối liên thông này.',
  },
  EXCHANGE_PEER_URL_INVALID: {
    status: 422,
    message:
      'The peer address must be https (or http inside the government network) without credentials; see details.',
    messageVi:
      'Địa chỉ điểm kết nối phải dùng https (hoặc http trong mạng nội bộ) và không chứa tài khoản; xem chi tiết.',
  },
  EXCHANGE_PEER_PATTERN_INVALID: {
    status: 422,
    message: 'An agency code pattern is not valid; see details.',
    messageVi: 'Mẫu mã cơ quan không hợp lệ; xem chi tiết.',
  },
});

/** The codec's refusals a receiver may answer with: registered so they are documented. */
const {
  EDXML_ALREADY_SIGNED: _signed,
  EDXML_SIGNING_KEY_INVALID: _key,
  ...receivable
} = edxmlErrorSpecs;
export const edxmlReceiveErrors = defineErrors('documents', receivable);

export type ExchangeErrorCode = keyof typeof exchangeErrors.specs;
