import { z } from 'zod';

// The method's workflow as a small graph the model writes; renderers turn it into Mermaid, SVG and PNG.

export const FLOWCHART_LIMITS = {
  minNodes: 3,
  maxNodes: 12,
  maxEdges: 20,
  maxStages: 6,
  maxLabelLength: 40,
  maxEdgeLabelLength: 24,
  maxStageLength: 20,
} as const;

const label = z
  .string()
  .trim()
  .min(1)
  .max(FLOWCHART_LIMITS.maxLabelLength)
  .describe(`short step name, at most ${FLOWCHART_LIMITS.maxLabelLength} characters`);

export const FlowchartNodeSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,23}$/, 'id must be a letter followed by letters, digits or _ (at most 24 characters)')
    .describe('unique node id such as n1, n2'),
  label,
  stage: z
    .string()
    .trim()
    .min(1)
    .max(FLOWCHART_LIMITS.maxStageLength)
    .describe('short stage name shared by related steps, e.g. Input, Model, Training, Evaluation'),
});
export type FlowchartNode = z.infer<typeof FlowchartNodeSchema>;

// OpenAI strict mode makes every property required, so "no label" is the empty string rather than an absent key.
export const FlowchartEdgeSchema = z.object({
  from: z.string().describe('id of the node the arrow starts at'),
  to: z.string().describe('id of the node the arrow points to'),
  label: z
    .string()
    .trim()
    .max(FLOWCHART_LIMITS.maxEdgeLabelLength)
    .describe('what flows along the arrow in a few words, or "" for none'),
});
export type FlowchartEdge = z.infer<typeof FlowchartEdgeSchema>;

export const FlowchartSchema = z
  .object({
    nodes: z.array(FlowchartNodeSchema).min(FLOWCHART_LIMITS.minNodes).max(FLOWCHART_LIMITS.maxNodes),
    edges: z.array(FlowchartEdgeSchema).min(1).max(FLOWCHART_LIMITS.maxEdges),
  })
  .describe(
    `the method's workflow: ${FLOWCHART_LIMITS.minNodes}-${FLOWCHART_LIMITS.maxNodes} steps grouped into a few stages, connected by arrows`,
  )
  .superRefine((flowchart, context) => {
    const seenIds = new Set<string>();
    flowchart.nodes.forEach((node, index) => {
      if (seenIds.has(node.id)) {
        context.addIssue({ code: 'custom', path: ['nodes', index, 'id'], message: `duplicate node id "${node.id}"; every node needs its own id` });
      }
      seenIds.add(node.id);
    });

    const stages = new Set(flowchart.nodes.map((node) => node.stage));
    if (stages.size > FLOWCHART_LIMITS.maxStages) {
      context.addIssue({
        code: 'custom',
        path: ['nodes'],
        message: `${stages.size} distinct stages (${[...stages].join(', ')}); use at most ${FLOWCHART_LIMITS.maxStages} by grouping steps`,
      });
    }

    const seenEdges = new Set<string>();
    flowchart.edges.forEach((edge, index) => {
      for (const end of ['from', 'to'] as const) {
        if (!seenIds.has(edge[end])) {
          context.addIssue({ code: 'custom', path: ['edges', index, end], message: `edge ${end} "${edge[end]}" names no node; use one of the node ids` });
        }
      }
      if (edge.from === edge.to) {
        context.addIssue({ code: 'custom', path: ['edges', index], message: `edge from "${edge.from}" to itself; remove self loops` });
      }
      const key = `${edge.from}\u0000${edge.to}`;
      if (seenEdges.has(key)) {
        context.addIssue({ code: 'custom', path: ['edges', index], message: `duplicate edge from "${edge.from}" to "${edge.to}"` });
      }
      seenEdges.add(key);
    });
  });
export type Flowchart = z.infer<typeof FlowchartSchema>;
