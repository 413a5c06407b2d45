// The canvas edge: React Flow's bezier path with its label ("true"/"false", with the problem icon)
// as plain SVG text on a white halo. React Flow's own label measures its text (getBBox) as it
// mounts, a forced layout per label: 400 labels when a 500-node flow opens.
import { BaseEdge, type EdgeProps, type EdgeTypes, getBezierPath } from '@xyflow/react';
import { memo } from 'react';

function FlowEdgeView(props: EdgeProps) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge
        path={path}
        {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
        {...(props.style ? { style: props.style } : {})}
        {...(props.interactionWidth !== undefined ? { interactionWidth: props.interactionWidth } : {})}
      />
      {typeof label === 'string' && label !== '' && (
        <text x={labelX} y={labelY} className="flow-edge-label" textAnchor="middle" dominantBaseline="central">
          {label}
        </text>
      )}
    </>
  );
}

/** Every edge of the canvas (they have no `type`, so React Flow's `default` is replaced). */
export const edgeTypes: EdgeTypes = { default: memo(FlowEdgeView) };
