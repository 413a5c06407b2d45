// Who is calling: the API token's name and role, set on ctx.state by the auth middleware.
import type { Role } from '../../schemas/index.ts';

export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
}
