/**
 * The desk's choice of fees while it is being made: which entries of the procedure's
 * schedule apply and how many of each (as typed), from which the assessment's lines are
 * built. The amounts are always the schedule's.
 */
import type { DossierFees } from './dossiers-api';

export type FeeChoice = Readonly<Record<number, { chosen: boolean; quantity: string }>>;

const QUANTITY = /^\d{1,4}$/;
const MAX_QUANTITY = 1000;

/** The choice the dossier's saved assessment stands for (the lines not yet paid). */
export function assessedChoice(fees: Pick<DossierFees, 'lines'>): FeeChoice {
  const choice: Record<number, { chosen: boolean; quantity: string }> = {};
  for (const line of fees.lines) {
    if (line.status === 'paid') continue;
    choice[line.scheduleIndex] = { chosen: true, quantity: String(line.quantity) };
  }
  return choice;
}

function quantityOf(typed: string): number | null {
  const text = typed.trim();
  if (!QUANTITY.test(text)) return null;
  const quantity = Number(text);
  return quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : null;
}

/** The lines to send, by schedule order, and the entries whose quantity is not valid. */
export function choiceLines(choice: FeeChoice): {
  lines: { index: number; quantity: number }[];
  invalid: number[];
} {
  const lines: { index: number; quantity: number }[] = [];
  const invalid: number[] = [];
  const indexes = Object.keys(choice)
    .map(Number)
    .sort((a, b) => a - b);
  for (const index of indexes) {
    const entry = choice[index]!;
    if (!entry.chosen) continue;
    const quantity = quantityOf(entry.quantity);
    if (quantity === null) invalid.push(index);
    else lines.push({ index, quantity });
  }
  return { lines, invalid };
}

/** What the choice comes to, counting only the entries with a valid quantity. */
export function choiceTotal(choice: FeeChoice, schedule: DossierFees['schedule']): number {
  return choiceLines(choice).lines.reduce((sum, line) => {
    const entry = schedule.find((candidate) => candidate.index === line.index);
    return sum + (entry ? entry.amount * line.quantity : 0);
  }, 0);
}
