/** The managers' Stock view: on hand with adjustments, the low-stock list, and this till's stocktake. */
import { useState } from 'react';
import { LowStockPanel } from './low-stock-panel';
import { OnHandPanel } from './on-hand-panel';
import { StocktakePanel } from './stocktake-panel';
import './stock.css';

export function StockView({ currency }: { currency: string }) {
  // Bumped after an adjustment or a posted stocktake, so every list shows the new figures.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  return (
    <>
      <LowStockPanel refreshKey={changes} />
      <OnHandPanel refreshKey={changes} onChanged={changed} />
      <StocktakePanel currency={currency} onPosted={changed} />
    </>
  );
}
