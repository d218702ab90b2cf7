/** Whether a launch event exists: what a raffle is created under (server/http/api.ts asks the venue's events). */
export type EventExists = (eventId: string) => Promise<boolean>;
