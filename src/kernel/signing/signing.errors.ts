/** Error codes of digital signatures. */
import { defineErrors } from '../errors/app-error';

export const signingErrors = defineErrors('signing', {
  SIGNED_FILE_REQUIRED: {
    status: 400,
    message:
      'Send the signed file in the multipart field "file" (and, for a detached signature, the ' +
      'signature in the field "signature").',
    messageVi:
      'Vui lòng gửi tệp đã ký trong trường "file" (và với chữ ký tách rời, tệp chữ ký trong ' +
      'trường "signature").',
  },
  SIGNED_FILE_TOO_LARGE: {
    status: 413,
    message: 'The file is larger than the upload limit.',
    messageVi: 'Tệp vượt quá dung lượng tải lên cho phép.',
  },
  NOT_A_PDF: {
    status: 422,
    message:
      'The file is not a readable PDF; for any other signed file, send its detached signature too.',
    messageVi:
      'Tệp không phải là PDF đọc được; với các loại tệp khác, vui lòng gửi kèm tệp chữ ký tách rời.',
  },
  SIGNATURE_UNREADABLE: {
    status: 422,
    message: 'The signature file is not a CMS (PKCS #7) signature in DER or PEM.',
    messageVi: 'Tệp chữ ký không phải là chữ ký CMS (PKCS #7) dạng DER hoặc PEM.',
  },
  CERTIFICATE_UNREADABLE: {
    status: 422,
    message: 'The text is not an X.509 certificate in PEM.',
    messageVi: 'Nội dung không phải là chứng thư số X.509 dạng PEM.',
  },
  NOT_A_ROOT_CERTIFICATE: {
    status: 422,
    message: 'Only a self-signed certificate of a certification authority can be a trusted root.',
    messageVi:
      'Chỉ chứng thư tự ký của tổ chức cung cấp dịch vụ chứng thực mới được làm gốc tin cậy.',
  },
  ROOT_ALREADY_TRUSTED: {
    status: 409,
    message: 'This root certificate is already trusted.',
    messageVi: 'Chứng thư gốc này đã được tin cậy.',
  },
  ROOT_NOT_FOUND: {
    status: 404,
    message: 'No such trusted root.',
    messageVi: 'Không tìm thấy chứng thư gốc tin cậy này.',
  },
  CRL_UNREADABLE: {
    status: 422,
    message: 'The file is not a certificate revocation list (CRL) in DER or PEM.',
    messageVi: 'Tệp không phải là danh sách chứng thư bị thu hồi (CRL) dạng DER hoặc PEM.',
  },
  CRL_NOT_TRUSTED: {
    status: 422,
    message: 'The CRL is not signed by a trusted root.',
    messageVi: 'Danh sách thu hồi không được ký bởi một chứng thư gốc tin cậy.',
  },
});
