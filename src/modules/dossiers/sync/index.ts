/** Synchronisation with the National Public Service Portal, as the module sees it. */
export { nationalRecordOf, type NationalRecord } from './national-record';
export { NATIONAL_RECORD_EVENT, queueNationalRecord } from './national-sync';
