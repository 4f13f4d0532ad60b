/**
 * Errors of the edXML codec. A package from another system on the axis is untrusted input, so
 * every refusal names what was wrong and where (`details.path` is the element path), letting the
 * caller answer the sender with a status 02 "rejected" that says why.
 *
 * EdxmlError is an AppError, so a route can let it propagate; the codes are not registered with
 * `defineErrors` here because nothing serves them over HTTP yet (registering would change
 * docs/errors.md). `edxmlErrorSpecs` carries the messages for whoever wires them to a route.
 */
import { AppError, type ErrorSpec } from '../../../kernel/errors/app-error';

export const edxmlErrorSpecs = {
  EDXML_MALFORMED: {
    status: 400,
    message: 'The package is not well-formed XML.',
    messageVi: 'Gói tin không phải XML hợp lệ.',
  },
  EDXML_DTD_FORBIDDEN: {
    status: 400,
    message: 'The package declares a DTD; edXML packages must not carry one.',
    messageVi: 'Gói tin có khai báo DTD; gói tin edXML không được chứa DTD.',
  },
  EDXML_NOT_EDXML: {
    status: 422,
    message: 'The XML is not an edXML package of QCVN 102:2016.',
    messageVi: 'Tài liệu XML không phải gói tin edXML theo QCVN 102:2016.',
  },
  EDXML_MISSING_ELEMENT: {
    status: 422,
    message: 'A required element of the package is missing or empty.',
    messageVi: 'Gói tin thiếu một thành phần bắt buộc hoặc thành phần đó rỗng.',
  },
  EDXML_BAD_VALUE: {
    status: 422,
    message: 'An element of the package has a value the standard does not allow.',
    messageVi: 'Một thành phần của gói tin có giá trị không đúng quy chuẩn.',
  },
  EDXML_UNKNOWN_STATUS_CODE: {
    status: 422,
    message: 'The status packet carries a status code the standard does not define.',
    messageVi: 'Gói tin trạng thái có mã trạng thái không có trong quy chuẩn.',
  },
  EDXML_BAD_BASE64: {
    status: 422,
    message: 'An attachment is not valid base64.',
    messageVi: 'Tệp đính kèm không được mã hóa base64 hợp lệ.',
  },
  EDXML_ATTACHMENT_TOO_LARGE: {
    status: 413,
    message: 'An attachment is larger than this system accepts.',
    messageVi: 'Tệp đính kèm vượt quá dung lượng hệ thống cho phép.',
  },
  EDXML_ATTACHMENT_MISMATCH: {
    status: 422,
    message: 'The manifest and the encoded attachments do not list the same files.',
    messageVi: 'Danh mục tệp và các tệp đính kèm được mã hóa không khớp nhau.',
  },
  EDXML_ALREADY_SIGNED: {
    status: 409,
    message: 'The package already carries a signature.',
    messageVi: 'Gói tin đã được ký số.',
  },
  EDXML_SIGNING_KEY_INVALID: {
    status: 422,
    message: 'The signing key or certificate cannot be used to sign this package.',
    messageVi: 'Khóa hoặc chứng thư số không dùng được để ký gói tin này.',
  },
} satisfies Record<string, ErrorSpec>;

export type EdxmlErrorCode = keyof typeof edxmlErrorSpecs;

export interface EdxmlErrorDetails {
  /** Element path, e.g. `edXMLEnvelope/edXMLHeader/MessageHeader/To`. */
  path?: string;
  /** The offending value, shortened, when showing it helps the sender. */
  value?: string;
  /** A line and column for malformed XML, or a free-form explanation. */
  reason?: string;
}

export class EdxmlError extends AppError {
  declare readonly code: EdxmlErrorCode;
  declare readonly details: EdxmlErrorDetails;

  constructor(code: EdxmlErrorCode, details: EdxmlErrorDetails = {}, message?: string) {
    const spec = edxmlErrorSpecs[code];
    super(code, spec.status, message ?? describe(spec.message, details), details);
    this.name = 'EdxmlError';
  }
}

function describe(message: string, details: EdxmlErrorDetails): string {
  const where = details.path ? ` (${details.path})` : '';
  const why = details.reason ? `: ${details.reason}` : '';
  return `${message}${where}${why}`;
}

/** Shortens a value quoted back in an error, so a huge or hostile value is not echoed whole. */
export function quote(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
