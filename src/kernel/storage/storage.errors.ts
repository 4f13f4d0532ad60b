/** Error codes of file storage. */
import { defineErrors } from '../errors/app-error';

export const storageErrors = defineErrors('storage', {
  FILE_REQUIRED: {
    status: 400,
    message: 'Send exactly one file in the multipart field "file".',
    messageVi: 'Vui lòng gửi đúng một tệp trong trường "file" của biểu mẫu.',
  },
  MULTIPART_MALFORMED: {
    status: 400,
    message: 'The body is not well-formed multipart/form-data.',
    messageVi: 'Nội dung gửi lên không đúng định dạng multipart/form-data.',
  },
  FILE_TOO_LARGE: {
    status: 413,
    message: 'The file is larger than the upload limit.',
    messageVi: 'Tệp vượt quá dung lượng tải lên cho phép.',
  },
  FILE_TYPE_UNKNOWN: {
    status: 415,
    message: 'The type of the file could not be recognised from its content.',
    messageVi: 'Không nhận diện được loại tệp từ nội dung của tệp.',
  },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    message: 'This type of file is not accepted here.',
    messageVi: 'Loại tệp này không được chấp nhận ở đây.',
  },
  IMAGE_UNREADABLE: {
    status: 422,
    message: 'The image is damaged or too large to process.',
    messageVi: 'Ảnh bị hỏng hoặc quá lớn để xử lý.',
  },
  FILE_NOT_FOUND: {
    status: 404,
    message: 'No such file.',
    messageVi: 'Không tìm thấy tệp.',
  },
  FILE_ALREADY_ATTACHED: {
    status: 409,
    message: 'The file is already attached to another record.',
    messageVi: 'Tệp đã được đính kèm vào một hồ sơ khác.',
  },
});
