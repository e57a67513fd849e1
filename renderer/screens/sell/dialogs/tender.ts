/** What the checkout dialog hands each way of paying (cash, card, split), so the panes need nothing from the dialog. */
import type { CartView } from '../../../../shared/api/commands/selling-commands';
import type { CardChoiceProps } from './card-choice';

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
