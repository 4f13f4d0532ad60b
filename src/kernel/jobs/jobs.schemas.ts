/** Response shape of the job status API. */
import { Type } from 'typebox';

const Timestamp = Type.String({ format: 'date-time' });
const OptionalTimestamp = Type.Union([Timestamp, Type.Null()]);

export const JobStatusView = Type.Object({
  name: Type.String(),
  everySeconds: Type.Integer(),
  /** running: a scheduler holds the lease now; idle: waiting for its next run; never_run. */
  state: Type.Union([Type.Literal('running'), Type.Literal('idle'), Type.Literal('never_run')]),
  lastStartedAt: OptionalTimestamp,
  lastFinishedAt: OptionalTimestamp,
  lastStatus: Type.Union([
    Type.Literal('running'),
    Type.Literal('ok'),
    Type.Literal('failed'),
    Type.Null(),
  ]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  /** Earliest start of the next run; null when it may run at once. */
  nextRunAt: OptionalTimestamp,
});

export const JobStatusList = Type.Object({ items: Type.Array(JobStatusView) });
