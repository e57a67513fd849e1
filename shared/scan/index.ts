export { classifyScan, SCAN_REASONS, type ScanResult } from './classify-scan';
export { assertScanSettings, type EmbeddedFormat, type ScanSettings } from './embedded-format';
