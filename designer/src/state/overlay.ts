// What other screens paint over the canvas: a test run's path, notes per node, a version diff.
export interface Overlay {
  reached?: string[];
  dimUnreached?: boolean;
  nodeNotes?: Record<string, string>;
  edgeTaken?: string[];
  diff?: Record<string, 'added' | 'removed' | 'changed'>;
}
