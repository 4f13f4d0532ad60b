/** When the answer to a report is due: the category's allowance on the working calendar. */
import type { WorkingCalendar } from '../../kernel/calendar';
import type { Category } from './category.queries';

export function deadlineFrom(
  calendar: WorkingCalendar,
  category: Pick<Category, 'deadlineAmount' | 'deadlineUnit'>,
  start: Date,
): Date {
  return category.deadlineUnit === 'working_hours'
    ? calendar.addWorkingHours(start, category.deadlineAmount)
    : calendar.addWorkingDays(start, category.deadlineAmount);
}
