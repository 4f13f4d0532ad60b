/** Error codes of the working-day calendar. */
import { defineErrors } from '../errors/app-error';

export const calendarErrors = defineErrors('calendar', {
  CALENDAR_OUT_OF_RANGE: {
    status: 422,
    message: 'The working-day calendar covers only the years given in details.',
    messageVi: 'Lịch ngày làm việc chỉ áp dụng cho các năm nêu trong chi tiết.',
  },
  CALENDAR_INVALID_PERIOD: {
    status: 422,
    message: 'The end of the period must not be before its start.',
    messageVi: 'Thời điểm kết thúc không được trước thời điểm bắt đầu.',
  },
  CALENDAR_EXCEPTION_NOT_FOUND: {
    status: 404,
    message: 'No calendar exception has this id.',
    messageVi: 'Không tìm thấy ngày điều chỉnh lịch này.',
  },
  CALENDAR_EXCEPTION_EXISTS: {
    status: 409,
    message: 'This date already has a calendar exception; delete it first.',
    messageVi: 'Ngày này đã có điều chỉnh lịch; hãy xóa điều chỉnh cũ trước.',
  },
  CALENDAR_EXCEPTION_NO_EFFECT: {
    status: 422,
    message: 'The exception would change nothing: the date is already of that kind.',
    messageVi: 'Điều chỉnh không có tác dụng: ngày này vốn đã là loại ngày đó.',
  },
});
