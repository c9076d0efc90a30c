/** People and roles, for admins: GET/POST /api/people, PATCH/DELETE /api/people/:email. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import { requireRole } from '../middleware/require-role.ts';
import { addPerson, changePerson, PeopleError, removePerson } from '../people/manage.ts';
import { ProblemError, problemTypes, validationProblem } from '../problem.ts';
import { bodyKindOf, parseBody } from '../request-body.ts';
import type { Stores } from '../store/types.ts';
import { publicPerson } from './auth.ts';

export function peopleRoutes(deps: { stores: Stores; now: () => Date }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole('admin'));
  const readBody = readBodyWithin(8 * 1024);
  const change = (c: Context<AppEnv>) => ({
    actor: c.get('viewer')!.person.id,
    at: deps.now().toISOString(),
  });
  const fields = (
    c: Context<AppEnv>,
  ): { email?: unknown; role?: unknown; name?: unknown; languages?: unknown } =>
    parseBody(c.get('body'), bodyKindOf(c.req.header('content-type')), new Set(['languages']));

  routes.get('/', async (c) =>
    c.json({ people: (await deps.stores.people.list()).map(publicPerson) }),
  );

  routes.post('/', readBody, async (c) => {
    const person = await guard(() =>
      addPerson(deps.stores.people, { email: undefined, role: undefined, ...fields(c) }, change(c)),
    );
    return c.json({ person: publicPerson(person) }, 201);
  });

  routes.patch('/:email', readBody, async (c) => {
    const person = await guard(() =>
      changePerson(deps.stores.people, c.req.param('email'), fields(c), change(c)),
    );
    return c.json({ person: publicPerson(person) });
  });

  routes.delete('/:email', async (c) => {
    await guard(() => removePerson(deps.stores.people, c.req.param('email'), change(c)));
    return c.body(null, 204);
  });

  return routes;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof PeopleError)) throw error;
    if (error.code === 'invalid')
      throw new ProblemError(
        validationProblem([{ field: error.field ?? '', message: error.message }]),
      );
    if (error.code === 'missing')
      throw new ProblemError({
        type: problemTypes.notFound,
        title: 'Not found',
        status: 404,
        detail: error.message,
      });
    throw new ProblemError({
      type: problemTypes.conflict,
      title: error.code === 'exists' ? 'Already there' : 'The last admin must stay',
      status: 409,
      detail: error.message,
    });
  }
}
