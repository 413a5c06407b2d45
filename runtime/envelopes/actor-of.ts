// How the trail names who did something through the API: the token's name, never its secret.
import type { Principal } from '../access/principal.ts';

export const actorOf = (principal: Principal | undefined): string => (principal ? `token:${principal.name}` : 'api');
