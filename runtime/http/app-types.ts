// The Koa types every route module shares.
import type Router from '@koa/router';
import type { Principal } from '../access/principal.ts';
import type { RuntimeServices } from '../services.ts';

export interface AppState {
  principal?: Principal;
  requestId: string;
}

export type AppRouter = Router<AppState>;

/** A route module registers the routes of one area (events, flows, …) on the API router. */
export type RouteModule = (router: AppRouter, services: RuntimeServices) => void;
