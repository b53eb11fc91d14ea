import { describe, expect, it } from 'vitest';
import { renderFlowchartMermaid } from '../../../src/output/flowchart/render-flowchart-mermaid.js';

describe('renderFlowchartMermaid', () => {
  it('renders stages as subgraphs with classes, edges with labels, and generated ids', () => {
    const text = renderFlowchartMermaid({
      nodes: [
        { id: 'load', label: 'Load PDFs', stage: 'Input' },
        { id: 'encode', label: 'Encoder', stage: 'Model' },
        { id: 'score', label: 'Score', stage: 'Evaluation' },
      ],
      edges: [
        { from: 'load', to: 'encode', label: 'tokens' },
        { from: 'encode', to: 'score', label: '' },
      ],
    });
    expect(text).toBe(
      [
        'flowchart TD',
        '  subgraph stage0["Input"]',
        '    n0["Load PDFs"]',
        '  end',
        '  subgraph stage1["Model"]',
        '    n1["Encoder"]',
        '  end',
        '  subgraph stage2["Evaluation"]',
        '    n2["Score"]',
        '  end',
        '  n0 -->|"tokens"| n1',
        '  n1 --> n2',
        '  classDef stage0Node fill:#dbeafe,stroke:#1d4ed8,color:#0f172a',
        '  classDef stage1Node fill:#dcfce7,stroke:#15803d,color:#0f172a',
        '  classDef stage2Node fill:#fef3c7,stroke:#b45309,color:#0f172a',
        '  class n0 stage0Node',
        '  class n1 stage1Node',
        '  class n2 stage2Node',
        '',
      ].join('\n'),
    );
  });

  it('keeps quotes, brackets, HTML, markdown and code fences in labels literal', () => {
    const text = renderFlowchartMermaid({
      nodes: [
        { id: 'a', label: 'Say "hi" [x] <b>*bold*</b>', stage: 'In"put' },
        { id: 'b', label: '```end fence', stage: 'Model' },
        { id: 'c', label: 'a|b (c) {d} #e', stage: 'Model' },
      ],
      edges: [
        { from: 'a', to: 'b', label: 'x"|y' },
        { from: 'b', to: 'c', label: '' },
      ],
    });
    expect(text).toContain('n0["Say #34;hi#34; #91;x#93; #60;b#62;#42;bold#42;#60;/b#62;"]');
    expect(text).toContain('subgraph stage0["In#34;put"]');
    expect(text).toContain('n1["#96;#96;#96;end fence"]');
    expect(text).toContain('n2["a#124;b #40;c#41; #123;d#125; #35;e"]');
    expect(text).toContain('n0 -->|"x#34;#124;y"| n1');
    expect(text.replaceAll('-->', '')).not.toMatch(/[<>`]/);
  });
});
