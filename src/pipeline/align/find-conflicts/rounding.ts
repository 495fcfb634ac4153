/**
 * Whether figures that differ could all be one value written at different precisions: "$2
 * billion" is "$2.4 billion" rounded to the billion, so the two are a possible rounding, not a
 * contradiction of the same weight as "8%" against "9%".
 */
import type { Figure } from '../../text-features.ts';

/**
 * The size of the last digit a figure states, scale applied: "$2.4 billion" → 0.1e9, "$2
 * billion" → 1e9, "6.5%" → 0.1, "1,200" → 100 (trailing zeros of a whole number are read as
 * rounding, which is how round numbers are usually written).
 */
export function lastDigitUnit(figure: Figure): number {
  const digits = /\d[\d,]*(?:\.\d+)?/u.exec(figure.raw)?.[0]?.replace(/,/gu, '') ?? '';
  const mantissa = Number(digits);
  if (digits === '' || !Number.isFinite(mantissa) || mantissa === 0) return 0;
  const scale = figure.value / mantissa;
  const decimals = digits.includes('.') ? (digits.split('.')[1] ?? '').length : 0;
  const zeros = decimals > 0 ? 0 : (/0*$/u.exec(digits)?.[0].length ?? 0);
  return scale * 10 ** (zeros - decimals);
}

/**
 * True when every figure could be the most precise one rounded at its own precision: each lies
 * within half of its last digit's unit of the most precise figure.
 */
export function possibleRounding(figures: Figure[]): boolean {
  if (figures.length < 2) return false;
  const precise = [...figures].sort((a, b) => lastDigitUnit(a) - lastDigitUnit(b))[0] as Figure;
  return figures.every((figure) => {
    const half = lastDigitUnit(figure) / 2;
    return Math.abs(figure.value - precise.value) <= half * (1 + 1e-9);
  });
}
