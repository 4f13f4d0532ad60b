/** Error codes of the routing matrix and category settings administration. */
import { defineErrors } from '../../kernel/errors/app-error';

export const routingAdminErrors = defineErrors('feedback', {
  ROUTING_CATEGORY_UNKNOWN: {
    status: 404,
    message: 'No report category has this code.',
    messageVi: 'Không có lĩnh vực phản ánh nào có mã này.',
  },
  ROUTING_COMMUNE_UNKNOWN: {
    status: 404,
    message: 'No commune-level unit served by the platform has this code.',
    messageVi: 'Không có xã, phường, đặc khu nào do hệ thống phục vụ có mã này.',
  },
  ROUTING_AGENCY_UNKNOWN: {
    status: 404,
    message: 'No agency has this id.',
    messageVi: 'Không có cơ quan nào có mã này.',
  },
  ROUTING_AGENCY_NOT_ELIGIBLE: {
    status: 422,
    message:
      'This agency cannot answer reports of this commune: it is inactive, a service center, or the committee of another commune; see details.',
    messageVi:
      'Cơ quan này không thể xử lý phản ánh tại xã, phường này: đã ngừng hoạt động, là trung tâm phục vụ hành chính công, hoặc là UBND của địa phương khác; xem chi tiết.',
  },
  ROUTING_CELL_REPEATED: {
    status: 400,
    message: 'The same category and commune appear more than once in the request.',
    messageVi: 'Một cặp lĩnh vực và xã, phường xuất hiện nhiều lần trong yêu cầu.',
  },
});
