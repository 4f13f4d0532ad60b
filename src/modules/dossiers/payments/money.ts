/** Amounts as Vietnamese write them: `16.000 đồng`. */
const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatDong(amount: number): string {
  return `${grouping.format(amount)} đồng`;
}
