// A node kind's title in the current language: English is the engine registry's own title.
import { type NodeKind, nodeKinds } from '../../../engine/flow/node-kinds.ts';
import { getLanguage, type MessageKey, t } from '../i18n/i18n.ts';

export const kindList = Object.keys(nodeKinds) as NodeKind[];

export function kindTitle(kind: NodeKind): string {
  return getLanguage() === 'en' ? nodeKinds[kind].title : t(`kind.${kind}` as MessageKey);
}
