/**
 * Amounts of money as a receipt writes them: in figures with the Vietnamese thousands
 * separator (`1.250.000 đ`) and in words (`Một triệu hai trăm năm mươi nghìn đồng`), the line
 * "Số tiền bằng chữ" that makes a receipt's amount hard to alter. Amounts are whole đồng.
 *
 * The reading follows the usual rules of written Vietnamese:
 * - three-digit groups named nghìn, triệu, tỷ; past tỷ the names start again before it
 *   (`một nghìn tỷ`, `hai triệu tỷ`);
 * - a group after the first keeps its hundreds even when they are zero
 *   (`một triệu không trăm năm mươi nghìn`), and a group of zeros is not read at all;
 * - a zero tens digit before a unit reads `linh` (`một trăm linh năm`);
 * - after the tens, 1 reads `mốt` (`hai mươi mốt`, but `mười một`) and 5 reads `lăm`
 *   (`mười lăm`, `hai mươi lăm`, but `linh năm`); 4 stays `bốn`, the form banks print.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
/** Names of the three-digit groups below a tỷ (10⁹). */
const GROUP_NAMES = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

function digit(n: number): string {
  return DIGITS[n] ?? '';
}

/**
 * One group of three digits. `full`: the group follows a higher one, so its hundreds are read
 * even when zero ("không trăm") and a lone unit is preceded by "linh".
 */
function readGroup(group: number, full: boolean): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (units > 0) {
      if (words.length > 0) words.push('linh');
      words.push(digit(units));
    }
    return words;
  }
  words.push(...(tens === 1 ? ['mười'] : [digit(tens), 'mươi']));
  if (units === 1) words.push(tens === 1 ? 'một' : 'mốt');
  else if (units === 5) words.push('lăm');
  else if (units > 0) words.push(digit(units));
  return words;
}

/** A number below a tỷ; `full` as in readGroup, for the part after "tỷ". */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const words: string[] = [];
  groups.forEach((group, i) => {
    if (group === 0) return;
    const name = GROUP_NAMES[2 - i] ?? '';
    words.push(...readGroup(group, full || words.length > 0), ...(name ? [name] : []));
  });
  return words;
}

function readNumber(n: number, full: boolean): string[] {
  if (n < BILLION) return readBelowBillion(n, full);
  const high = Math.floor(n / BILLION);
  const low = n % BILLION;
  return [...readNumber(high, full), 'tỷ', ...(low > 0 ? readBelowBillion(low, true) : [])];
}

/** A whole number of đồng in words, capitalised: 105000 → "Một trăm linh năm nghìn đồng". */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`an amount must be a whole, non-negative number of đồng: ${amount}`);
  }
  const words = amount === 0 ? [DIGITS[0]] : readNumber(amount, false);
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Figures with a dot between thousands: 8000 → "8.000". */
export function groupThousands(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole number: ${amount}`);
  const digits = String(Math.abs(amount));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amount < 0 ? `-${grouped}` : grouped;
}

/** An amount in figures as receipts print it: 8000 → "8.000 đ". */
export function formatDong(amount: number): string {
  return `${groupThousands(amount)} đ`;
}
