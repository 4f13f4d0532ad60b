/** Deadlines as the rest of the dossiers module sees them. */
export {
  appointmentFor,
  extendForPause,
  stepDueDates,
  timeliness,
  type ProcessingTime,
  type Timeliness,
} from './dossier-deadlines';
