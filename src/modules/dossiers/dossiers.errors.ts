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
});
