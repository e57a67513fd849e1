/** The receipt number as a Code 128 barcode in SVG: crisp at any print resolution, scannable at 80 mm. */
import { code128Bars } from './code128';

const HEIGHT_MODULES = 40;

export function ReceiptBarcode({ value }: { value: string }) {
  const { bars, totalModules } = code128Bars(value);
  return (
    <figure className="receipt-barcode">
      <svg
        viewBox={`0 0 ${totalModules} ${HEIGHT_MODULES}`}
        role="img"
        aria-label={`Barcode of receipt number ${value}`}
        preserveAspectRatio="none"
        shapeRendering="crispEdges"
      >
        <rect x="0" y="0" width={totalModules} height={HEIGHT_MODULES} fill="#fff" />
        {bars.map((bar) => (
          <rect key={bar.x} x={bar.x} y="0" width={bar.width} height={HEIGHT_MODULES} fill="#000" />
        ))}
      </svg>
      <figcaption>{value}</figcaption>
    </figure>
  );
}
