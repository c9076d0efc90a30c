/**
 * Every store of the service on one PostgreSQL database (DATABASE_URL), for several instances
 * behind a load balancer: one pool per instance, shared by the stores; migrations applied at open
 * under an advisory lock. The same interface as ../sqlite/index.ts, checked by the same contract
 * suites (tests/service/stores/).
 */
import type { DeliveryTarget, Stores } from '../types.ts';
import { generateReference } from '../../tickets/reference.ts';
import { openPostgres } from './database.ts';
import { PostgresDeliveryStore } from './deliveries.ts';
import { PostgresFlagStore } from './flags.ts';
import { PostgresPersonStore } from './people.ts';
import { PostgresProposalStore } from './proposals.ts';
import { PostgresReaderEventStore } from './reader-events.ts';
import { PostgresReportStore } from './reports.ts';
import { PostgresSaltStore } from './salts.ts';
import { PostgresSessionStore, PostgresSignInStore } from './sessions.ts';
import { PostgresTranslationTaskStore, PostgresVerificationStore } from './tasks.ts';
import { PostgresTicketStore } from './tickets.ts';
import { PostgresVoteStore } from './votes.ts';
import { postgresRateLimiters } from './rate-limits.ts';
import type { RateLimiterFactory } from '../../middleware/rate-limit.ts';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:5432/database */
  url: string;
  /** Connections per instance. Default 10. */
  maxConnections?: number;
  newReference?: () => string;
  deliveryTargets?: readonly DeliveryTarget[];
}

/** The stores, and rate limits counted in the same database (shared by every instance). */
export interface PostgresStores extends Stores {
  rateLimiters: RateLimiterFactory;
}

export async function openPostgresStores(options: PostgresStoreOptions): Promise<PostgresStores> {
  const pool = await openPostgres({
    url: options.url,
    ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
  });
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= pool.end());
  return {
    tickets: new PostgresTicketStore(
      pool,
      options.newReference ?? (() => generateReference()),
      close,
      options.deliveryTargets,
    ),
    people: new PostgresPersonStore(pool),
    sessions: new PostgresSessionStore(pool),
    signIn: new PostgresSignInStore(pool),
    flags: new PostgresFlagStore(pool),
    proposals: new PostgresProposalStore(pool),
    translationTasks: new PostgresTranslationTaskStore(pool),
    verifications: new PostgresVerificationStore(pool),
    deliveries: new PostgresDeliveryStore(pool),
    votes: new PostgresVoteStore(pool),
    salts: new PostgresSaltStore(pool),
    readerEvents: new PostgresReaderEventStore(pool),
    reports: new PostgresReportStore(pool),
    rateLimiters: postgresRateLimiters(pool),
    close,
  };
}
