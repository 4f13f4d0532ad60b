/** Error codes of the outbox's admin API. */
import { defineErrors } from '../errors/app-error';

export const eventsErrors = defineErrors('events', {
  DELIVERY_NOT_FOUND: {
    status: 404,
    message: 'No event delivery has this id.',
    messageVi: 'Không tìm thấy lượt chuyển sự kiện này.',
  },
  DELIVERY_NOT_DEAD: {
    status: 409,
    message: 'Only a delivery that failed for good (a dead letter) can be retried.',
    messageVi: 'Chỉ có thể thử lại lượt chuyển sự kiện đã thất bại hẳn (thư chết).',
  },
});
