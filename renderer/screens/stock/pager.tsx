/** Previous / next through a list read a page at a time. */
interface PagerProps {
  label: string;
  offset: number;
  pageSize: number;
  total: number;
  onOffset: (offset: number) => void;
}

export function Pager({ label, offset, pageSize, total, onOffset }: PagerProps) {
  if (total <= pageSize) return null;
  const last = Math.min(offset + pageSize, total);
  return (
    <nav aria-label={label} className="row-actions">
      <button type="button" className="button-small button-secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        Previous
      </button>
      <span>{`${offset + 1}–${last} of ${total}`}</span>
      <button type="button" className="button-small button-secondary" disabled={last >= total} onClick={() => onOffset(offset + pageSize)}>
        Next
      </button>
    </nav>
  );
}
