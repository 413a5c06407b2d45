// A flow node on the canvas: kind, label, summary, its problems (icon + text) and its handles.
// Memoised: React Flow re-renders it only when its canvas node object changes.
import { Handle, type Node, type NodeProps, Position, type ReactFlowState, useStore } from '@xyflow/react';
import { memo, useContext } from 'react';
import { roleOf } from '../../../../engine/flow/node-kinds.ts';
import type { FlowNodeData } from '../../graph/flow-mapping.ts';
import { summarizeNode } from '../../graph/node-summary.ts';
import { useT } from '../../i18n/i18n.ts';
import { CanvasPipelineContext } from '../canvas-context.ts';
import { kindTitle } from '../kind-title.ts';

const roleIcons = { trigger: '▶', condition: '◆', action: '✉' } as const;

// Zoomed out this far the text is unreadable anyway: a card shows its kind and problem icon only,
// which keeps a 500-node flow cheap to draw. Re-renders only when the zoom crosses the threshold.
const compactBelowZoom = 0.45;
const isCompact = (state: ReactFlowState) => state.transform[2] < compactBelowZoom;

function FlowNodeCardView({ data, selected }: NodeProps<Node<FlowNodeData>>) {
  const t = useT();
  const pipeline = useContext(CanvasPipelineContext);
  const { node, decoration } = data;
  const role = roleOf(node);
  const issues = decoration?.issues ?? [];
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const label = 'label' in node.data ? node.data.label : undefined;
  const compact = useStore(isCompact);
  const classes = [
    'flow-node',
    `role-${role}`,
    selected ? 'is-selected' : '',
    decoration?.state ? `state-${decoration.state}` : '',
    errors > 0 ? 'has-error' : issues.length > 0 ? 'has-warning' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      {role !== 'trigger' && <Handle type="target" position={Position.Left} aria-label={t('canvas.input')} />}
      <div className="flow-node-kind">
        <span aria-hidden="true">{roleIcons[role]}</span> {kindTitle(node.type)}
        {decoration?.state && (
          <span className={`state-badge state-badge-${decoration.state}`}>{t(`overlay.${decoration.state}`)}</span>
        )}
      </div>
      {!compact && label && <div className="flow-node-label">{label}</div>}
      {!compact && <div className="flow-node-summary">{summarizeNode(node, pipeline)}</div>}
      {compact && issues.length > 0 && (
        <div className={errors > 0 ? 'issue-error' : 'issue-warning'}>
          {errors > 0 ? '✖' : '⚠'} {issues.length}
        </div>
      )}
      {!compact && issues.length > 0 && (
        <ul className="flow-node-issues">
          {issues.slice(0, 2).map((issue) => (
            <li key={`${issue.code}:${issue.message}`} className={`issue-${issue.severity}`}>
              <span aria-hidden="true">{issue.severity === 'error' ? '✖' : '⚠'}</span>
              <span className="visually-hidden">{t(issue.severity === 'error' ? 'error.icon' : 'warning.icon')}: </span>
              <strong>{issue.code}</strong> {issue.message}
            </li>
          ))}
          {issues.length > 2 && <li>{t('canvas.moreIssues', { count: issues.length - 2 })}</li>}
        </ul>
      )}
      {!compact && decoration?.note && <div className="flow-node-note">{decoration.note}</div>}
      {role === 'trigger' && <Handle type="source" position={Position.Right} aria-label={t('canvas.output')} />}
      {role === 'condition' && (
        <>
          <Handle
            type="source"
            id="true"
            position={Position.Right}
            className="handle-true"
            style={{ top: '30%' }}
            aria-label={t('canvas.trueBranch')}
          />
          <span className="handle-label handle-label-true" style={{ top: '30%' }}>
            ✓ {t('canvas.true')}
          </span>
          <Handle
            type="source"
            id="false"
            position={Position.Right}
            className="handle-false"
            style={{ top: '70%' }}
            aria-label={t('canvas.falseBranch')}
          />
          <span className="handle-label handle-label-false" style={{ top: '70%' }}>
            ✗ {t('canvas.false')}
          </span>
        </>
      )}
    </div>
  );
}

export const FlowNodeCard = memo(FlowNodeCardView);
