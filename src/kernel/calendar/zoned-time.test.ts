import { describe, expect, it } from 'vitest';
import { ZonedClock } from './zoned-time';

/** The offset as Intl states it, for comparison: "GMT+7", "GMT-4", "GMT+5:30". */
function intlOffset(timeZone: string, instantMs: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(instantMs))
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /GMT(?:([+-])(\d+)(?::(\d+))?)?/.exec(name)!;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

describe('ZonedClock.offsetAt', () => {
  it('gives Vietnam +07:00 at any instant', () => {
    const clock = new ZonedClock('Asia/Ho_Chi_Minh');
    for (const iso of ['2026-01-01T00:00:00Z', '2026-02-17T16:59:59Z', '2026-11-21T23:59:59Z']) {
      expect(clock.offsetAt(Date.parse(iso))).toBe(7 * 3_600_000);
    }
  });

  it('follows a daylight-saving change within the day it happens, minute by minute', () => {
    // New York springs forward at 07:00 UTC on 8 March 2026 and falls back at 06:00 UTC on
    // 1 November 2026; Adelaide (+10:30/+9:30) falls back on 5 April 2026.
    for (const [zone, day] of [
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
      ['Australia/Adelaide', '2026-04-04'],
    ] as const) {
      const clock = new ZonedClock(zone);
      const start = Date.parse(`${day}T00:00:00Z`);
      for (let minute = 0; minute < 48 * 60; minute += 7) {
        const instant = start + minute * 60_000;
        expect(clock.offsetAt(instant), `${zone} ${new Date(instant).toISOString()}`).toBe(
          intlOffset(zone, instant),
        );
      }
    }
  });
});
