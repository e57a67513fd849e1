/**
 * What a host offers the renderer. The preload exposes exactly this object through contextBridge; the browser
 * host's HTTP client implements the same interface, so screens never know which one they talk to.
 */
import type { ApiResult } from './errors';
import type { CommandInput, CommandName, CommandResult } from './contract';
import type { PushEventName, PushEvents } from './events';

export interface KassaBridge {
  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<ApiResult<CommandResult<K>>>;
  subscribe<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
  /**
   * Electron only: prints the page's receipt on an 80 mm page `lengthMm` long (to the till's receipt printer, or
   * through the print dialog). `printed: false`: the person cancelled the dialog. The browser host has no such
   * door; its screens print with the browser's own dialog.
   */
  printReceipt?(page: ReceiptPage): Promise<ApiResult<{ printed: boolean }>>;
}

/** A receipt page's length in millimetres (its width is the paper's, 80 mm). */
export interface ReceiptPage {
  lengthMm: number;
}

export const RECEIPT_PAGE_LIMITS = { minLengthMm: 40, maxLengthMm: 5_000 } as const;

/** The IPC channel names: the only three the preload uses. */
export const IPC_CALL = 'kassa:call';
export const IPC_PUSH = 'kassa:push';
export const IPC_PRINT_RECEIPT = 'kassa:print-receipt';
