import type { z } from 'zod';
import type { Clock } from '../dates/clock';
import type { Db } from '../db/database';
import type { HostServices, HostStatus } from './backend';

/** What a handler may use: the database and the platform services passed in by the host. */
export interface HandlerContext {
  db: Db;
  clock: Clock;
  /** Random identifiers (message ids, portal ids); injected so tests are repeatable. */
  randomId(): string;
  /** The open file's state, for the status handler. */
  status(): HostStatus;
  /** File services of the host; null for in-memory databases (tests, bench). */
  host: HostServices | null;
}

export interface HandlerSpec<Name extends string, In extends z.ZodType, Out> {
  /** kebab-case, noun first: `subscriber-create`, `organisation-get`. */
  name: Name;
  input: In;
  /**
   * A mutating handler runs in one transaction and returns after the durable save; its `run`
   * must be synchronous. A read may return a Promise (host services such as backups).
   */
  mutates: boolean;
  /** French labels of the input fields, used in validation messages. */
  labels?: Readonly<Record<string, string>>;
  run(ctx: HandlerContext, input: z.output<In>): Out;
}

// Handlers are synchronous: sql.js is, and a transaction must not span an await.
export type AnyHandler = HandlerSpec<string, z.ZodType, unknown>;

export function defineHandler<Name extends string, In extends z.ZodType, Out>(
  spec: HandlerSpec<Name, In, Out>,
): HandlerSpec<Name, In, Out> {
  if (!/^[a-z]+(-[a-z0-9]+)+$/.test(spec.name)) {
    throw new Error(`Handler name must be kebab-case, noun first: ${spec.name}`);
  }
  return spec;
}

/** The contract type of a list of handlers: `{ 'organisation-get': { input; output } }`. */
export type ContractOf<H extends readonly AnyHandler[]> = {
  [K in H[number] as K['name']]: K extends HandlerSpec<string, infer In, infer Out>
    ? { input: z.input<In>; output: Awaited<Out> }
    : never;
};

export class HandlerRegistry {
  private readonly byName = new Map<string, AnyHandler>();

  constructor(handlers: readonly AnyHandler[]) {
    for (const handler of handlers) this.add(handler);
  }

  add(handler: AnyHandler): void {
    if (this.byName.has(handler.name)) {
      throw new Error(`Handler registered twice: ${handler.name}`);
    }
    this.byName.set(handler.name, handler);
  }

  get(name: string): AnyHandler | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }
}
