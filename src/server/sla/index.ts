/** The business-time engine: pure functions on instants, no framework, no I/O. */
export * from './types.ts';
export * from './calendar.ts';
export * from './clock.ts';
export * from './status.ts';
export * from './first-reply.ts';
export * from './ticket-events.ts';
