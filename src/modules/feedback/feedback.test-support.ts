/**
 * Fixtures for the feedback tests: the Quảng Ninh demo agencies and two categories — one
 * answered by the commune where the point lies, one by a provincial department — with
 * questions of each kind. Used only by tests.
 */
import type { AppContext } from '../../kernel/context';
import { loadQuangNinhAgencies } from '../../../seed/quang-ninh-agencies';
import { feedbackDb } from './feedback-db';
import type { CategoryAttribute } from './feedback.tables';

export const STREETLIGHT = 'test_streetlight';
export const TOURISM = 'test_tourism';
/** A point in phường Hạ Long (ST_PointOnSurface of the ward). */
export const HA_LONG_POINT = { lat: 20.9481, lon: 107.1168 };
/** A point in phường Hồng Gai. */
export const HONG_GAI_POINT = { lat: 20.9549, lon: 107.0782 };
/** The Gulf of Tonkin, outside every commune. */
export const AT_SEA = { lat: 20.4, lon: 107.6 };
export const HA_LONG_COMMITTEE = '000.00.37.H49';
export const CULTURE_DEPARTMENT = '000.00.08.H49';

const streetlightQuestions: CategoryAttribute[] = [
  {
    code: 'lights_out',
    datatype: 'singlevaluelist',
    required: true,
    label: 'Có bao nhiêu đèn không sáng?',
    labelEn: 'How many lights are out?',
    values: [
      { key: 'one', name: 'Một đèn', nameEn: 'One' },
      { key: 'several', name: 'Nhiều đèn', nameEn: 'Several' },
    ],
  },
  {
    code: 'pole_number',
    datatype: 'string',
    required: false,
    label: 'Số cột',
    labelEn: 'Pole number',
  },
];

export async function loadFeedbackFixtures(ctx: AppContext): Promise<Map<string, string>> {
  const agencies = await loadQuangNinhAgencies(ctx.db);
  const db = feedbackDb(ctx);
  await db
    .insertInto('feedbackCategory')
    .values([
      {
        code: STREETLIGHT,
        name: 'Đèn chiếu sáng',
        nameEn: 'Streetlights',
        groupName: 'Hạ tầng',
        groupNameEn: 'Infrastructure',
        deadlineAmount: 3,
        deadlineUnit: 'working_days',
        allowAnonymous: true,
        defaultLevel: 'commune',
        defaultAgencyId: null,
        attributes: JSON.stringify(streetlightQuestions),
        answerTemplates: JSON.stringify([{ title: 'Đã sửa', body: 'Đèn đã được thay.' }]),
      },
      {
        code: TOURISM,
        name: 'Dịch vụ du lịch',
        nameEn: 'Tourism services',
        groupName: 'Du lịch',
        groupNameEn: 'Tourism',
        deadlineAmount: 16,
        deadlineUnit: 'working_hours',
        allowAnonymous: false,
        defaultLevel: 'province',
        defaultAgencyId: agencies.get(CULTURE_DEPARTMENT)!,
        attributes: JSON.stringify([
          {
            code: 'amount',
            datatype: 'number',
            required: false,
            label: 'Số tiền',
            labelEn: 'Amount',
          },
        ]),
      },
    ])
    .onConflict((conflict) => conflict.column('code').doNothing())
    .execute();
  return agencies;
}
