/**
 * config/sign-in.yaml: which ways of signing in are on, and how identity-provider groups map to
 * roles. Read once at start; a mistake stops the server with the file and field named.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigFileError, parseConfigFile, type ConfigProblem } from '../../lib/config-file.ts';
import { roles } from './roles.ts';

const defaultFile = fileURLToPath(new URL('../../../config/sign-in.yaml', import.meta.url));

export const signInConfigSchema = z.strictObject(
  {
    /** Email sign-in links for people added with `npm run people`. Default true. */
    emailLinks: z.boolean({ error: 'emailLinks must be true or false' }).default(true),
    oidc: z
      .strictObject(
        {
          /** Shown on the sign-in button ("Sign in with …"). */
          providerName: z
            .string({ error: 'providerName must be text, for example "Company SSO"' })
            .trim()
            .min(2)
            .default('single sign-on'),
          /** Scopes asked for at the provider; must include openid. */
          scopes: z
            .array(z.string().regex(/^[\w:./-]+$/), {
              error: 'scopes must be a list such as [openid, email, profile, groups]',
            })
            .refine((list) => list.includes('openid'), { error: 'scopes must include openid' })
            .default(['openid', 'email', 'profile']),
          /** The claim that lists the person's groups. */
          groupsClaim: z.string().trim().min(1).default('groups'),
          /** Group name → role; the strongest matching role wins. */
          roles: z
            .record(
              z.string().min(1),
              z.enum(roles, { error: `each group must map to one of ${roles.join(', ')}` }),
            )
            .default({}),
          /** refuse (default): no mapped group, no entry. local-role: fall back to `npm run people`. */
          unmappedPeople: z
            .enum(['refuse', 'local-role'], {
              error: 'unmappedPeople must be "refuse" or "local-role"',
            })
            .default('refuse'),
        },
        {
          error:
            'unknown field in oidc: use providerName, scopes, groupsClaim, roles, unmappedPeople',
        },
      )
      .default({
        providerName: 'single sign-on',
        scopes: ['openid', 'email', 'profile'],
        groupsClaim: 'groups',
        roles: {},
        unmappedPeople: 'refuse',
      }),
  },
  { error: 'unknown field: the file takes emailLinks and oidc' },
);

export type SignInConfig = z.output<typeof signInConfigSchema>;

export class SignInConfigError extends ConfigFileError {
  override name = 'SignInConfigError';
}

export function loadSignInConfig(file: string = defaultFile): SignInConfig {
  const problems: ConfigProblem[] = [];
  const config = parseConfigFile(file, signInConfigSchema, problems);
  if (!config) throw new SignInConfigError(problems);
  return config;
}
