import type { CartLine, Order } from '../../shared/api.ts';
import type { SkuRef } from '../../shared/catalog.ts';
import type { CheckoutContact } from '../../shared/checkout.ts';
import type { CardDetails } from '../../shared/demoPay.ts';
import type { MatchControl } from '../../shared/protocol.ts';
import type { ProfileDraft } from '../state/sessionSlice.ts';
import type { ChatActions } from './chatBinding.ts';
import type { ErrorDispatcher } from './errorDispatcher.ts';
import type { PaymentMethodRef } from './cardTokens.ts';
import type { GroupBuyActions } from './groupBuyActions.ts';
import type { HostActions } from './hostActions.ts';
import type { EventExtrasActions } from './eventExtrasActions.ts';
import type { OrderActions } from './orderActions.ts';
import type { OfferActions } from './offerActions.ts';
import type { QnaActions } from './qnaBinding.ts';
import type { RoomDoor } from './roomDoor.ts';
import type { SquadActions } from './squadActions.ts';
import type { StatusSender } from './statusSender.ts';
import type { StageSignals } from './stageSignalBinding.ts';
import type { VoiceSignals } from './voiceBinding.ts';

/**
 * The only door to the server (HTTP API and the Colyseus room), made once per app in main.tsx and
 * reached through `useServices().connection`. Each feature's traffic is one of its parts below;
 * nothing else in the client sends to the room or listens to it. Network callbacks write immutable
 * snapshots into the app store and pose samples into `remotePoses`; React never sees Schema objects.
 */
export interface Connection {
  /** The typed room door every feature below sends and listens through. */
  readonly room: RoomDoor;
  /** Room error replies: claimed by code or message type, else shown as the page's notice. */
  readonly errors: ErrorDispatcher;
  /** The one owner of the `status` message (chat's typing, voice's on and speaking). */
  readonly status: StatusSender;
  readonly chat: ChatActions;
  readonly squads: SquadActions;
  readonly groupBuys: GroupBuyActions;
  /** The checkout's quote, the order page and refunds. */
  readonly orders: OrderActions;
  /** Limited-time offers: the host's push and withdraw; every visitor's price board comes with the room. */
  readonly offers: OfferActions;
  /** Q&A and polls of the event the arena shows: ask, upvote, vote, and the host's commands. */
  readonly qna: QnaActions;
  /** Voice signalling and ICE servers, for the voice code (loaded on the first "Voice on"). */
  readonly voice: VoiceSignals;
  /** The direct stage voice's signalling (no media server), for the stage voice code. */
  readonly stageSignals: StageSignals;
  /** A launch event host's commands: phases, the drop and the raffle (shared/eventHosts.ts says who may). */
  readonly host: HostActions;
  /** Launch events' drops and raffles: entering, buying a won unit, the raffle's proof. */
  readonly eventExtras: EventExtrasActions;
  /** Fetches the catalog and stock (works before a session exists). */
  loadCatalog(): Promise<void>;
  /** Restores a session from a saved token if it is still valid (cart and orders come with it). */
  resume(): Promise<boolean>;
  /** Creates or updates the visitor session with the chosen profile and saves the token. */
  startSession(profile: ProfileDraft, adminToken?: string): Promise<void>;
  /** Joins the arena room and starts sending poses at a fixed rate. */
  join(): Promise<void>;
  /** Sets the quantity of one SKU in the server-side cart (0 removes it). */
  setCartLine(line: CartLine | (Omit<CartLine, 'quantity'> & { quantity: number })): Promise<void>;
  /** "Tell me when it's back" for a sold-out SKU: the room says so when it has stock again. */
  requestBackInStock(ref: SkuRef): Promise<void>;
  /**
   * Places an order for the whole cart: hands the card to the payment provider for a token (the store
   * never sees the card), then orders with the token, sending again with the same key while the server
   * asks to be asked later. Resolves with the order: `paid`, `declined`, `expired`, or still
   * `authorizing` when its payment had not settled after a while (it settles on its own). Pass the same
   * `idempotencyKey` to retry one checkout attempt safely: it reuses the attempt's token, so the server
   * answers with the first result (a fresh key is made when omitted). A refused card throws
   * `CardRejectedError` (net/demoPay.ts); other failures throw `ApiRequestError`. A `PaymentMethodRef`
   * is a token the provider already made (Stripe's Payment Element): it is sent as it is.
   */
  checkout(card: CardDetails | PaymentMethodRef, contact: CheckoutContact, idempotencyKey?: string): Promise<Order>;
  /** Loads this visitor's past orders into the store. */
  loadOrders(): Promise<void>;
  /** Fetches the venue's match (sources, captions, timeline) into the store. */
  loadMatch(): Promise<void>;
  /**
   * Fetches the launch events (`GET /api/events`, works before a session exists) into the store; the
   * answer's server time is also a sample for the server clock, so the entry screen counts down on it.
   */
  loadEvents(): Promise<void>;
  /** Sends a host control of the match clock (the server refuses it for non-hosts). */
  controlMatch(control: MatchControl): void;
  /** Leaves the room and stops sending. */
  leave(): Promise<void>;
}

export type { PaymentMethodRef } from './cardTokens.ts';
