/** What the checkout dialog hands each way of paying (cash, card, split), so the panes need nothing from the dialog. */
import type { CartView } from '../../../../shared/api/commands/selling-commands';
import type { PaymentsStatus } from '../../../../shared/api/commands/payments-commands';
import type { TestCardName } from '../../../../shared/payments/processor-api';

/** A tender as a pane makes it: how and how much. */
export type Tender = { method: 'cash' | 'card'; amount: number };

export interface TenderProps {
  cart: CartView;
  /** A payment is on its way, or may have gone through: the pane takes no other. */
  busy: boolean;
  pay: (tenders: Tender[]) => void;
  /** The card reader's choice and what the processor's state means for a card now. */
  card: CardChoiceProps;
}

export interface CardChoice {
  /** The test card presented to a simulated reader. */
  testCard: TestCardName;
  contact: string;
}

export const DEFAULT_CARD_CHOICE: CardChoice = { testCard: 'approve', contact: '' };

export interface CardChoiceProps {
  /** This till's payments status; null until the till has said. */
  status: PaymentsStatus | null;
  choice: CardChoice;
  onChange: (choice: CardChoice) => void;
}
