/**
 * Where this till keeps its stocktake while it is counted: two local_state records (never replicated), the header
 * `stocktake:current` and the counts `stocktake:counts:<id>`. Not a collection of its own (the store is at 11 of
 * rxdb's 13), and not replicated: a stocktake is counted at one till and only its posted movements leave it.
 */
import type { StocktakeStatus } from '../../../shared/api/commands/stock-commands';
import type { StockMovementDoc } from '../../../shared/model';
import type { CoreContext } from '../services/core-context';
import { LocalRecord } from '../services/local-state';

export interface StocktakeHeader {
  id: string;
  categoryId: string;
  startedAt: string;
  /** The manager's user id and name. */
  startedBy: string;
  startedByName: string;
  status: StocktakeStatus;
  /** Frozen when posting starts: the movements (fixed ids) and their value, so a second post writes the same ones. */
  movements?: StockMovementDoc[];
  valueDifference?: number;
}

export interface StocktakeCount {
  countedMilli: number;
  /** On hand when it was counted: a sale after the count does not change the difference. */
  expectedMilli: number;
  /** The selling price then, so the difference's value does not move with later price changes. */
  price: number;
}

export type StocktakeCounts = Record<string, StocktakeCount>;

export class StocktakeRecord {
  private readonly header: LocalRecord<StocktakeHeader>;

  constructor(private readonly ctx: CoreContext) {
    this.header = new LocalRecord<StocktakeHeader>(ctx, 'stocktake:current');
  }

  readHeader(): Promise<StocktakeHeader | null> {
    return this.header.read();
  }

  writeHeader(header: StocktakeHeader): Promise<void> {
    return this.header.write(header);
  }

  async readCounts(id: string): Promise<StocktakeCounts> {
    return (await this.countsOf(id).read()) ?? {};
  }

  writeCounts(id: string, counts: StocktakeCounts): Promise<void> {
    return this.countsOf(id).write(counts);
  }

  async removeCounts(id: string): Promise<void> {
    await this.countsOf(id).remove();
  }

  async clear(id: string): Promise<void> {
    await this.removeCounts(id);
    await this.header.remove();
  }

  private countsOf(id: string): LocalRecord<StocktakeCounts> {
    return new LocalRecord<StocktakeCounts>(this.ctx, `stocktake:counts:${id}`);
  }
}
