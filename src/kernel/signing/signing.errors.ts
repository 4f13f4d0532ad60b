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
});
