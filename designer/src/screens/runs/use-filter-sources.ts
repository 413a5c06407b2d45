// What the runs screen's pickers are filled from, asked only of what the role may read: pipelines
// and flows (draft and active version) for admins and analysts, templates for admins. The CRM
// client reads runs only; its pickers then offer what the runs on screen show.
import { useEffect, useState } from 'react';
import type { Flow, Pipeline, TemplateInfo } from '../../../../schemas/index.ts';
import { api } from '../../api/client.ts';
import { historyApi } from '../../api/history.ts';
import { useSession } from '../../api/session.ts';
import { may } from '../shared/permissions.ts';

export interface LoadedSources {
  pipelines: Pipeline[];
  flows: Flow[];
  templates: TemplateInfo[];
}

const none: LoadedSources = { pipelines: [], flows: [], templates: [] };
// One flow per pipeline: a handful; bounded so that a large install costs a few requests at most.
const maxFlows = 20;
const orNothing = <T>(promise: Promise<T>, fallback: T) => promise.catch(() => fallback);

async function loadFlows(): Promise<Flow[]> {
  const summaries = (await api.listFlows()).slice(0, maxFlows);
  const documents = await Promise.all(
    summaries.map(async (summary) => {
      const detail = await api.getFlow(summary.id);
      const active =
        summary.activeVersion === null
          ? []
          : [await orNothing(historyApi.getVersion(summary.id, summary.activeVersion), undefined)];
      return [detail.draft, ...active.flatMap((version) => (version ? [version.document] : []))];
    }),
  );
  return documents.flat();
}

export function useFilterSources(): LoadedSources {
  const { role } = useSession();
  const [sources, setSources] = useState<LoadedSources>(none);
  useEffect(() => {
    let cancelled = false;
    const readFlows = may.readFlows(role);
    Promise.all([
      readFlows ? orNothing(api.listPipelines(), []) : Promise.resolve([]),
      readFlows ? orNothing(loadFlows(), []) : Promise.resolve([]),
      may.readTemplates(role) ? orNothing(api.listTemplates(), []) : Promise.resolve([]),
    ]).then(([pipelines, flows, templates]) => {
      if (!cancelled) setSources({ pipelines, flows, templates });
    });
    return () => {
      cancelled = true;
    };
  }, [role]);
  return sources;
}
