/**
 * The ticket store as the routes see it in the running service: every ticket created is handed
 * on after its commit (the delivery worker wakes, so the team hears of it at once instead of at
 * the next poll; its suggested articles are queued).
 */
import type { StoredTicket, TicketStore } from '../store/types.ts';

export function onNewTickets(
  store: TicketStore,
  created: (ticket: StoredTicket) => void,
): TicketStore {
  // A Proxy rather than a copy: every other method (present and future) reaches the real store,
  // bound to it, since store classes keep their state in private fields.
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'createTicket') {
        const createTicket = target.createTicket.bind(target);
        return async (...args: Parameters<TicketStore['createTicket']>) => {
          const result = await createTicket(...args);
          if (result.outcome === 'created') created(result.ticket);
          return result;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
