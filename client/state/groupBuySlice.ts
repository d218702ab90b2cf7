import type { GroupBuyJoined, MyGroupBuyCommit } from '../../shared/groupBuy.ts';
import type { SliceCreator } from './createAppStore.ts';

/** An open group as every visitor sees it: `committed` of `size`, until `endsAt` (server ms). */
export interface GroupProgress {
  groupId: string;
  committed: number;
  size: number;
  endsAt: number;
}

export interface GroupBuySlice {
  /** Open groups by product id: from the room while connected, from `GET /api/group-buys` before. */
  groupBuys: Readonly<Record<string, GroupProgress>>;
  /** The visitor's own commits, newest first (what the card says after "Join"). */
  myGroupBuys: readonly MyGroupBuyCommit[];
  /** Who is in each product's open group as the server lets this visitor see it (null: none open). */
  groupBuyJoined: Readonly<Record<string, GroupBuyJoined | null>>;
  setGroupBuyJoined: (productId: string, joined: GroupBuyJoined | null) => void;
  setGroupBuys: (groups: Readonly<Record<string, GroupProgress>>) => void;
  setMyGroupBuys: (commits: readonly MyGroupBuyCommit[]) => void;
  /** Puts a commit the server just answered in front of the others (replacing its older copy). */
  addMyGroupBuy: (commit: MyGroupBuyCommit) => void;
}

export const createGroupBuySlice: SliceCreator<GroupBuySlice> = (set) => ({
  groupBuys: {},
  myGroupBuys: [],
  groupBuyJoined: {},
  setGroupBuyJoined: (productId, joined) => set((s) => ({ groupBuyJoined: { ...s.groupBuyJoined, [productId]: joined } })),
  setGroupBuys: (groups) => set({ groupBuys: groups }),
  setMyGroupBuys: (commits) => set({ myGroupBuys: commits }),
  addMyGroupBuy: (commit) =>
    set((s) => ({ myGroupBuys: [commit, ...s.myGroupBuys.filter((c) => c.groupId !== commit.groupId)] })),
});

/** The visitor's newest commit for a product, if any. */
export function myCommitFor(commits: readonly MyGroupBuyCommit[], productId: string): MyGroupBuyCommit | undefined {
  return commits.find((c) => c.productId === productId);
}

/** Whether the visitor has a commit in a group that is still open (the room may have closed it since). */
export function isWaitingOn(commits: readonly MyGroupBuyCommit[], groupId: string): boolean {
  return commits.some((c) => c.groupId === groupId && c.status === 'committed');
}
