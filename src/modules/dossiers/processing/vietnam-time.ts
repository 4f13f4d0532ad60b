/** An instant as the desk writes it to applicants: "17:00 ngày 03/03/2026", Vietnam's time. */
const formats = new Map<string, Intl.DateTimeFormat>();

export function deskTime(at: Date, timezone: string): string {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timezone, format);
  }
  const part = (type: string) => format.formatToParts(at).find((p) => p.type === type)!.value;
  return `${part('hour')}:${part('minute')} ngày ${part('day')}/${part('month')}/${part('year')}`;
}
