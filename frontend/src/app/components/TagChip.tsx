/** A tag's colour with a readable text colour on it. */
export function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#1f2328';
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? '0', 16) / 255) as [number, number, number];
  const lum = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const l = 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b);
  return l > 0.35 ? '#1f2328' : '#ffffff';
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
