/** The working-day calendar: exception table, admin and public API. */
import type { Manifest } from '../manifest';
import * as createCalendarException from './migrations/20261121002000_calendar_create_calendar_exception';
import { calendarRoutes } from './calendar.routes';
import { parseWorkingHours } from './working-hours';

export const calendarManifest: Manifest = {
  name: 'calendar',
  migrations: {
    '20261121002000_calendar_create_calendar_exception': createCalendarException,
  },
  routes: async (app, ctx) => {
    // A malformed WORKING_HOURS stops the start-up here rather than failing requests later.
    parseWorkingHours(ctx.config.workingHours);
    await calendarRoutes(app, ctx);
  },
};
