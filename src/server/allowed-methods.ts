/**
 * 405 Method Not Allowed for the whole API, built from the app's own route table: a path that a
 * route answers with another method gets 405 and an `Allow` header instead of 404, so a client
 * learns the path exists and what it accepts. Nothing is written by hand per route, so a new
 * route is covered the day it is added.
 */
import type { RouterRoute } from 'hono/types';
import { TrieRouter } from 'hono/router/trie-router';
import { problemTypes, type Problem } from './problem.ts';

/**
 * `app.use` middleware and `app.all` handlers are both registered as "ALL" and cannot be told
 * apart; neither says what a path accepts (an `all` handler answers every method itself, so its
 * path never gets this far).
 */
const ANY_METHOD = 'ALL';

/**
 * The methods the routes accept at a concrete path, in a stable order: HEAD wherever GET is
 * (Hono answers HEAD with the GET route). OPTIONS is not listed: no route answers it (the API
 * handles no CORS preflight; see middleware/same-origin.ts).
 */
export function allowedMethodsOf(routes: readonly RouterRoute[]): (path: string) => string[] {
  const router = new TrieRouter<string>();
  for (const route of routes) {
    if (route.method === ANY_METHOD) continue;
    // Every pattern under one method, labelled with its own, so one match finds them all.
    router.add(ANY_METHOD, route.path, route.method.toUpperCase());
  }
  return (path) => {
    const [matches] = router.match('GET', path);
    const methods = new Set(matches.map(([method]) => method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

export function methodNotAllowedProblem(method: string, path: string, allow: string[]): Problem {
  return {
    type: problemTypes.methodNotAllowed,
    title: 'Method not allowed',
    status: 405,
    detail: `${path} does not accept ${method}; it accepts ${allow.join(', ')}.`,
  };
}
