import { describe, expect, it } from 'vitest';
import { textOn } from './TagChip';

// WCAG 2 contrast ratio, written out here independently of the component.
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('tag chip text colour', () => {
  it('reaches 4.5:1 on every tag colour', () => {
    const steps = ['00', '22', '44', '66', '88', '99', 'aa', 'bb', 'cc', 'dd', 'ee', 'ff'];
    let worst = Infinity;
    for (const r of steps) for (const g of steps) for (const b of steps) {
      const bg = `#${r}${g}${b}`;
      worst = Math.min(worst, contrast(textOn(bg), bg));
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('puts dark text on mid greens and cyans, white on deep blues', () => {
    expect(textOn('#16a34a')).toBe('#000000');
    expect(textOn('#0891b2')).toBe('#000000');
    expect(textOn('#1d4ed8')).toBe('#ffffff');
    expect(textOn('not a colour')).toBe('#000000');
  });
});
