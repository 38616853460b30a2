// Runtime: renderer. The branch graph, drawn in SVG left to right: the tasks and times whose outcome
// fires each branch, then what the branch opens, adds or ends. The graph is small (a few dozen nodes
// at most), so columns from the longest path (core/studio/timeline.ts layoutGraph) place it without a
// layout library. Each node is a button; the edges are also listed for screen readers.
import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BranchGraph as Graph, GraphNode } from '../../../core/studio/timeline';
import { layoutGraph } from '../../../core/studio/timeline';
import { useOpenItem } from './open-item';
import classes from './timeline.module.css';

const NODE_WIDTH = 180;
const NODE_HEIGHT = 34;
const COLUMN_GAP = 150;
const ROW_GAP = 18;
const MAX_CHARS = 24;
const LABEL_LINE = 12;

const shorten = (text: string) => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text);

export function BranchGraph({ file, graph }: { file: string; graph: Graph }) {
  const { t } = useTranslation('studioForms');
  const { open } = useOpenItem(file);
  const { columns: layered } = layoutGraph(graph);
  // Each column in the order of what points to it (one barycentre pass), so that edges cross less.
  const row = new Map<string, number>();
  const columns = layered.map((column, columnIndex) => {
    const mean = (node: GraphNode) => {
      const sources = graph.edges.filter((edge) => edge.to === node.key && row.has(edge.from)).map((edge) => row.get(edge.from)!);
      return sources.length > 0 ? sources.reduce((sum, value) => sum + value, 0) / sources.length : Number.POSITIVE_INFINITY;
    };
    const ordered = columnIndex === 0 ? column : [...column].sort((a, b) => mean(a) - mean(b));
    ordered.forEach((node, index) => row.set(node.key, index));
    return ordered;
  });
  // Two conditions on one task (failed or missed) share one line with both words.
  const edges: { from: string; to: string; labels: string[]; join?: 'all' | 'any' }[] = [];
  for (const edge of graph.edges) {
    const same = edges.find((candidate) => candidate.from === edge.from && candidate.to === edge.to);
    const label = t(`timeline.edge.${edge.label}`);
    if (same) same.labels.push(label);
    else edges.push({ from: edge.from, to: edge.to, labels: [label], join: edge.join });
  }
  const position = new Map<string, { x: number; y: number }>();
  columns.forEach((column, columnIndex) =>
    column.forEach((node, rowIndex) => position.set(node.key, { x: columnIndex * (NODE_WIDTH + COLUMN_GAP), y: rowIndex * (NODE_HEIGHT + ROW_GAP) })),
  );
  const width = columns.length * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP + 8;
  const height = Math.max(...columns.map((column) => column.length)) * (NODE_HEIGHT + ROW_GAP) - ROW_GAP + 8;
  // Room above the first row for the extra lines of a label with several words.
  const labelRoom = (Math.max(1, ...edges.map((edge) => edge.labels.length)) - 1) * LABEL_LINE;

  const nodeName = (node: GraphNode): string =>
    node.kind === 'end'
      ? t('timeline.node.end', { id: node.id, outcome: t(`timeline.endOutcome.${node.outcome ?? 'none'}`) })
      : t(`timeline.node.${node.kind}`, { id: node.id });
  const nodeByKey = new Map(graph.nodes.map((node) => [node.key, node]));

  return (
    <div style={{ overflowX: 'auto' }}>
      <svg
        className={classes.graph}
        width={width}
        height={height + labelRoom}
        viewBox={`-4 ${-4 - labelRoom} ${width} ${height + labelRoom}`}
        role="group"
        aria-label={t('timeline.graphLabel')}
      >
        <defs>
          <marker id="studio-graph-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" fill="var(--mantine-color-dimmed)" />
          </marker>
        </defs>
        {edges.map((edge, index) => {
          const from = position.get(edge.from);
          const to = position.get(edge.to);
          if (!from || !to) return null;
          const x1 = from.x + NODE_WIDTH;
          const y1 = from.y + NODE_HEIGHT / 2;
          const x2 = to.x;
          const y2 = to.y + NODE_HEIGHT / 2;
          // An edge back to an earlier column (a loop) goes round below the nodes.
          const back = x2 <= x1;
          const d = back
            ? `M${x1} ${y1} C${x1 + 60} ${y1 + 60}, ${x2 - 60} ${y2 + 60}, ${x2} ${y2}`
            : `M${x1} ${y1} C${(x1 + x2) / 2} ${y1}, ${(x1 + x2) / 2} ${y2}, ${x2} ${y2}`;
          // Two words on one line are one per line, so that neither runs into the nodes either side.
          const labelX = (x1 + x2) / 2;
          const labelY = (y1 + y2) / 2 - 4 + (back ? 50 : 0) - (edge.labels.length - 1) * LABEL_LINE;
          return (
            <g key={index} aria-hidden="true">
              <path className={classes.edge} d={d} markerEnd="url(#studio-graph-arrow)" strokeDasharray={edge.join === 'all' ? '5 3' : undefined} />
              <text className={classes.edgeLabel} x={labelX} y={labelY} textAnchor="middle">
                {edge.labels.map((label, line) => (
                  <tspan key={line} x={labelX} dy={line === 0 ? 0 : LABEL_LINE}>
                    {line < edge.labels.length - 1 ? `${label} /` : label}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        {graph.nodes.map((node) => {
          const place = position.get(node.key)!;
          const name = nodeName(node);
          const path = node.path;
          const activate = path ? () => open(path) : undefined;
          return (
            <g
              key={node.key}
              className={`${classes.node} ${classes[`node-${node.kind}`]}`}
              transform={`translate(${place.x} ${place.y})`}
              role={activate ? 'button' : 'img'}
              tabIndex={activate ? 0 : undefined}
              aria-label={name}
              onClick={activate}
              onKeyDown={(event) => {
                if (activate && (event.key === 'Enter' || event.key === ' ')) {
                  event.preventDefault();
                  activate();
                }
              }}
            >
              <title>{name}</title>
              <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={node.kind === 'branch' ? 17 : 6} />
              <text x={10} y={NODE_HEIGHT / 2 + 4}>
                {shorten(node.kind === 'end' ? `■ ${t(`timeline.endOutcome.${node.outcome ?? 'none'}`)}` : node.id)}
              </text>
            </g>
          );
        })}
      </svg>
      <VisuallyHidden>
        <ul>
          {graph.edges.map((edge, index) => (
            <li key={index}>
              {t('timeline.edgeName', {
                from: nodeName(nodeByKey.get(edge.from)!),
                label: t(`timeline.edge.${edge.label}`),
                to: nodeName(nodeByKey.get(edge.to)!),
              })}
            </li>
          ))}
        </ul>
      </VisuallyHidden>
    </div>
  );
}
