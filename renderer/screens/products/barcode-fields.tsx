/** The main barcode and any number of extra ones (a supplier's, an older pack's), each in its own labelled field. */
import { useId } from 'react';
import { MAX_EXTRA_BARCODES } from '../../../shared/model';

interface BarcodeFieldsProps {
  barcode: string;
  extra: string[];
  onBarcode: (value: string) => void;
  onExtra: (value: string[]) => void;
}

export function BarcodeFields({ barcode, extra, onBarcode, onExtra }: BarcodeFieldsProps) {
  const ids = useId();
  const change = (index: number, value: string) => onExtra(extra.map((c, i) => (i === index ? value : c)));
  return (
    <fieldset className="barcode-fields">
      <legend>Barcodes</legend>
      <div className="field">
        <label htmlFor={`${ids}-main`}>Barcode</label>
        <input id={`${ids}-main`} value={barcode} onChange={(e) => onBarcode(e.target.value)} inputMode="numeric" autoComplete="off" aria-describedby={`${ids}-hint`} />
        <span id={`${ids}-hint`} className="field-hint">
          EAN-13, EAN-8 or UPC-A; blank for items weighed at the counter. The check digit is verified.
        </span>
      </div>
      {extra.map((code, i) => (
        <div className="field barcode-extra" key={i}>
          <label htmlFor={`${ids}-x${i}`}>{`Extra barcode ${i + 1}`}</label>
          <span className="inline-form">
            <input id={`${ids}-x${i}`} value={code} onChange={(e) => change(i, e.target.value)} inputMode="numeric" autoComplete="off" />
            <button type="button" className="button-small button-secondary" aria-label={`Remove extra barcode ${i + 1}`} onClick={() => onExtra(extra.filter((_, j) => j !== i))}>
              Remove
            </button>
          </span>
        </div>
      ))}
      {extra.length < MAX_EXTRA_BARCODES ? (
        <button type="button" className="button-small button-secondary" onClick={() => onExtra([...extra, ''])}>
          Add another barcode
        </button>
      ) : null}
    </fieldset>
  );
}
