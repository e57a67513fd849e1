/** One term and its value in a <dl>, the value named by its term (so "Total" finds the total's figure). */
import { useId } from 'react';

interface TermRowProps {
  term: string;
  value: string;
  className?: string;
  /** Inside a grid <dl> the pair sits directly in the list, without a wrapping row. */
  bare?: boolean;
}

export function TermRow({ term, value, className, bare = false }: TermRowProps) {
  const id = useId();
  const pair = (
    <>
      <dt id={id} className={bare ? className : undefined}>
        {term}
      </dt>
      <dd aria-labelledby={id} className={bare ? className : undefined}>
        {value}
      </dd>
    </>
  );
  return bare ? pair : <div className={className}>{pair}</div>;
}
