import type { Presence } from '@colyseus/core';
import { randomUUID } from 'node:crypto';
import { type ErrorCode, ErrorCode as Codes } from '../../shared/protocol.ts';
import { DomainError } from '../domain/errors.ts';

/** Where commands for the venue's owner go, and where its answers to one process come back. */
const COMMANDS = 'venue:command';
const answersTo = (processId: string) => `venue:answer:${processId}`;

/** How long a process waits for the owner's answer (a takeover takes up to the lease's TTL). */
const ANSWER_TIMEOUT_MS = 6_000;

interface Command {
  id: string;
  from: string;
  name: string;
  args: unknown[];
}

type Answer = { id: string; ok: true; value: unknown } | { id: string; ok: false; code: ErrorCode; message: string };

/** The owner's side: what each named command does (its answer must be plain JSON). */
export type CommandHandlers = Record<string, (...args: never[]) => unknown>;

/**
 * Commands for the venue's owner from any process, over presence (Redis pub/sub across processes):
 * a host's match control or phase move and a visitor's question or vote, sent in a shard of another
 * process, run where the venue lives and answer back. A `DomainError` crosses as its code and message;
 * no answer within the timeout (no owner, a takeover under way) is `unavailable`, retry-able.
 */
export interface VenueBus {
  call<T>(name: string, ...args: unknown[]): Promise<T>;
  /** This process owns the venue now: it runs the commands (`undefined` stops, when it no longer does). */
  serve(handlers: CommandHandlers | undefined): void;
  close(): void;
}

export async function createVenueBus(presence: Presence, processId: string): Promise<VenueBus> {
  const pending = new Map<string, { resolve(value: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  let handlers: CommandHandlers | undefined;

  const onAnswer = (answer: Answer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    clearTimeout(waiting.timer);
    if (answer.ok) waiting.resolve(answer.value);
    else waiting.reject(new DomainError(answer.code, answer.message));
  };
  const onCommand = async (command: Command) => {
    // NOTE: every process hears every command; only the owner runs it, so each runs exactly once.
    const run = handlers?.[command.name];
    if (!handlers) return;
    let answer: Answer;
    try {
      if (!run) throw new DomainError(Codes.badRequest, `the venue has no command ${command.name}`);
      answer = { id: command.id, ok: true, value: await (run as (...args: unknown[]) => unknown)(...command.args) };
    } catch (e) {
      answer =
        e instanceof DomainError
          ? { id: command.id, ok: false, code: e.code, message: e.message }
          : { id: command.id, ok: false, code: Codes.internal, message: 'the venue failed to run the command' };
    }
    void presence.publish(answersTo(command.from), answer);
  };
  await presence.subscribe(answersTo(processId), onAnswer);
  await presence.subscribe(COMMANDS, onCommand);

  return {
    call<T>(name: string, ...args: unknown[]) {
      return new Promise<T>((resolve, reject) => {
        const id = randomUUID();
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new DomainError(Codes.unavailable, 'the venue is moving between processes; try again', undefined, 1));
        }, ANSWER_TIMEOUT_MS);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        const command: Command = { id, from: processId, name, args };
        void presence.publish(COMMANDS, command);
      });
    },
    serve(next) {
      handlers = next;
    },
    close() {
      void presence.unsubscribe(answersTo(processId), onAnswer);
      void presence.unsubscribe(COMMANDS, onCommand);
      for (const waiting of pending.values()) clearTimeout(waiting.timer);
      pending.clear();
    },
  };
}
