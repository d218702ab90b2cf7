import { MSG } from '../../shared/protocol.ts';
import type { StatusSend } from '../../shared/together.ts';
import type { RoomDoor } from './roomDoor.ts';

/** At most one `status` message per this many ms (5 a second); changes in between are merged. */
export const STATUS_MIN_GAP_MS = 200;

/** The one owner of the `status` message: typing (chat), voice on and speaking (voice) merged. */
export interface StatusSender {
  /** Changes some of the visitor's status bits; sent now, or merged into the next send. */
  set(patch: Partial<StatusSend>): void;
  /** The status as last set (not necessarily sent yet). */
  current(): StatusSend;
  /** Sends the whole status again at once (a new room knows nothing of it). */
  resend(): void;
}

export interface StatusSenderOptions {
  minGapMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/**
 * Makes the status sender's logic: a change goes out at once unless one went out less than
 * `minGapMs` ago; then one timer sends the merged status when the gap is over. Nothing is sent when
 * the status ends where it was last sent.
 */
export function createStatusSender(send: (status: StatusSend) => boolean, options: StatusSenderOptions = {}): StatusSender {
  const { minGapMs = STATUS_MIN_GAP_MS, now = () => performance.now(), setTimer = setTimeout } = options;
  let status: StatusSend = { typing: false, voice: false, speaking: false };
  let sent: StatusSend | null = null;
  let lastAt = -Infinity;
  let pending = false;
  const same = (a: StatusSend | null, b: StatusSend) =>
    !!a && a.typing === b.typing && a.voice === b.voice && a.speaking === b.speaking;
  const flush = () => {
    pending = false;
    if (same(sent, status)) return;
    if (send(status)) {
      sent = status;
      lastAt = now();
    }
  };
  const schedule = () => {
    if (pending) return;
    const wait = lastAt + minGapMs - now();
    if (wait <= 0) return flush();
    pending = true;
    setTimer(flush, wait);
  };
  return {
    set(patch) {
      status = { ...status, ...patch };
      schedule();
    },
    current: () => status,
    resend() {
      sent = null;
      schedule();
    },
  };
}

/**
 * The app's one status sender, sending through the room door: nothing goes out while no room is
 * joined, and each joined room gets the whole status at once (a new room knows nothing of it).
 */
export function createRoomStatus(door: RoomDoor): StatusSender {
  const sender = createStatusSender((status) => door.send(MSG.status, status));
  door.whileJoined(() => {
    sender.resend();
    return () => undefined;
  });
  return sender;
}
