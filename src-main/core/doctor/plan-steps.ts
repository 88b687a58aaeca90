import type { HakobuConfig } from '../config';
import type { StepDefinition } from './plan';
import { checkAccessTokenUse } from './steps/access-token-step';
import { checkConfig } from './steps/config-step';
import { corsNote } from './steps/cors-note';
import { checkClock, checkEndpoints } from './steps/endpoints-step';
import { checkIdentityPool } from './steps/identity-pool-step';
import { checkIdentityProvider } from './steps/identity-provider-step';
import { locationSteps } from './steps/location/location-plan';
import { managedLoginSteps } from './steps/managed-login-steps';
import { checkRole } from './steps/role-step';
import { checkSignIn } from './steps/sign-in-step';
import { checkAuthFlow, checkClientSecret, checkUserPool } from './steps/user-pool-steps';

/** Every step in order, with what each depends on. */
export function doctorPlan(config: HakobuConfig, includeCorsNote: boolean): StepDefinition[] {
  // The clock step reads the Date headers the endpoints step collected.
  let skewMs: number | undefined;
  // Browser sign-in's client need not allow a password flow: its own steps replace that check.
  const browser = config.signIn.method === 'managedLogin';
  const signInNeeds = browser ? ['sso-client'] : ['auth-flow', 'client-secret'];
  const steps: StepDefinition[] = [
    { id: 'config', title: 'Configuration', needs: [], run: checkConfig },
    {
      id: 'endpoints',
      title: 'Service endpoints',
      needs: ['config'],
      run: async (ctx) => {
        const found = await checkEndpoints(ctx);
        skewMs = found.skewMs;
        return found.outcome;
      },
    },
    { id: 'clock', title: 'Clock', needs: ['endpoints'], run: () => checkClock(skewMs) },
    {
      id: 'user-pool',
      title: 'User pool and app client',
      needs: ['endpoints'],
      run: checkUserPool,
    },
    ...(browser
      ? managedLoginSteps()
      : [{ id: 'auth-flow', title: 'Sign-in flow', needs: ['user-pool'], run: checkAuthFlow }]),
    { id: 'client-secret', title: 'Client secret', needs: ['user-pool'], run: checkClientSecret },
    { id: 'identity-pool', title: 'Identity pool', needs: ['endpoints'], run: checkIdentityPool },
    { id: 'sign-in', title: 'Sign-in', needs: signInNeeds, run: checkSignIn },
    {
      id: 'identity-provider',
      title: 'Identity pool accepts the sign-in',
      needs: ['sign-in', 'identity-pool'],
      run: checkIdentityProvider,
    },
    {
      id: 'access-token',
      title: 'ID token, not access token',
      needs: ['sign-in', 'identity-pool'],
      run: checkAccessTokenUse,
    },
    { id: 'role', title: 'Role and AWS credentials', needs: ['identity-provider'], run: checkRole },
    ...config.locations.flatMap(locationSteps),
  ];
  if (includeCorsNote) steps.push({ id: 'cors', title: 'Bucket CORS', needs: [], run: corsNote });
  return steps;
}
