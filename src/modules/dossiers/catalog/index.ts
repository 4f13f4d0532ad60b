/** The procedure catalog as the rest of the dossiers module sees it. */
export type {
  ApplicantType,
  Channel,
  OnlineServiceLevel,
  ProcedureLevel,
  ProcedureRecord,
  ProcessStep,
  StepKind,
  StepRole,
  TimeUnit,
} from './procedure-record';
export { findProcedure } from './procedure.queries';
export { importProcedures, type ImportActor } from './import-procedures';
