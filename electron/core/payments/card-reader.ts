/**
 * The card reader at the till. A real one reads the card and hands the till a token from the processor, the brand
 * and the last four digits — never the card number. THIS IS A SIMULATED READER (no reader can be attached where
 * Kassa is built and tested): the card "presented" is one of the stand-in processor's test cards, chosen on the
 * checkout screen; without a choice it is the card that approves.
 */
import { TEST_CARDS, type CardToken, type TestCardName } from '../../../shared/payments/processor-api';

export interface CardReader {
  /** Whether the screen should offer the test cards (only a simulated reader has them). */
  readonly simulated: boolean;
  read(presented?: TestCardName): Promise<CardToken>;
}

export function createSimulatedReader(): CardReader {
  return {
    simulated: true,
    read: async (presented = 'approve') => ({ ...TEST_CARDS[presented] }),
  };
}
