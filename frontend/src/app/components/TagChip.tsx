const DARK_TEXT = '#000000';

/** The relative luminance of an sRGB colour (WCAG 2). */
function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * The text colour for a tag's colour: white or black, whichever contrasts more with it. One of the
 * two always reaches WCAG AA's 4.5:1 for normal text (at worst √21 ≈ 4.58).
 */
export function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return DARK_TEXT;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? '0', 16) / 255) as [number, number, number];
  const l = luminance(r, g, b);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return onWhite >= onBlack ? '#ffffff' : DARK_TEXT;
}

export function TagChip({
  name,
  color,
  onRemove,
  removeLabel,
}: {
  name: string;
  color: string;
  onRemove?: () => void;
  removeLabel?: string;
}) {
  return (
    <span className="tag" style={{ background: color, color: textOn(color) }}>
      {name}
      {onRemove && (
        <button type="button" className="tag-remove" onClick={onRemove} aria-label={removeLabel ?? name}>
          ×
        </button>
      )}
    </span>
  );
}
