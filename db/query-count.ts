import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "drizzle-orm/logger";

/**
 * DB_QUERY_LOG=count: how many SQL statements each HTTP request sends (the benchmarks hold pages
 * to a budget). Node announces every incoming request on a diagnostics channel before the server
 * sees it; a tally entered there follows the request through Next's rendering, and Drizzle's
 * logger adds to it. When the response closes, one JSON line says the path and the counts.
 * Transaction control (BEGIN, COMMIT…) is counted apart: only the node-postgres driver sends it
 * through Drizzle's logger, PGlite does not, so the engines compare on `queries`.
 */

type Tally = { queries: number; transactionControl: number };

// Next compiles instrumentation and each route into separate bundles: one store per process.
const slot = Symbol.for("observer-portal.query-count");
type Holder = { [slot]?: AsyncLocalStorage<Tally> };
const holder = globalThis as Holder;
const tallies = () => (holder[slot] ??= new AsyncLocalStorage<Tally>());

const transactionControl = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/** Drizzle's logger: counts, never writes the statement or its parameters. */
export const queryCounter: Logger = {
  logQuery(query) {
    const tally = tallies().getStore();
    if (!tally) return;
    if (transactionControl.test(query)) tally.transactionControl += 1;
    else tally.queries += 1;
  },
};

let subscribed = false;

/** Starts a tally for every request the HTTP server receives from now on (once per process). */
export function countQueriesPerRequest() {
  if (subscribed) return;
  subscribed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const tally: Tally = { queries: 0, transactionControl: 0 };
    // Entered before the server's request handler runs, so everything the handler starts inherits it.
    tallies().enterWith(tally);
    response.once("close", () => {
      if (tally.queries + tally.transactionControl === 0) return;
      // Asked for by its own flag, so written whatever LOG_LEVEL says. The path only: a query
      // string may hold a search for a passport number.
      const path = (request.url ?? "").split("?")[0];
      const requestId = response.getHeader("x-request-id");
      console.log(
        JSON.stringify({
          time: new Date().toISOString(),
          level: "info",
          event: "db.queries",
          method: request.method,
          path,
          status: response.statusCode,
          ...(typeof requestId === "string" && { requestId }),
          queries: tally.queries,
          transactionControl: tally.transactionControl,
        }),
      );
    });
  });
}
