/** Why an answer could not be used; `issues` are readable lines, for the model and for the error. */
export interface AnswerProblem {
  kind: 'cut-off' | 'refusal' | 'content-filter' | 'not-json' | 'schema';
  issues: string[];
}

/** The user turn that asks the model to answer again, saying what was wrong with its last answer. */
export function buildRepairMessage(problem: AnswerProblem, schemaName: string): string {
  const listed = problem.issues.map((issue) => `- ${issue}`).join('\n');
  switch (problem.kind) {
    case 'cut-off':
      return (
        'Your answer was cut off before the JSON was complete.\n' +
        `Answer again with the full JSON object for ${schemaName}, shorter: keep every field but use fewer words.`
      );
    case 'refusal':
    case 'content-filter':
      return `Your answer could not be used:\n${listed}\nAnswer again with the full JSON object for ${schemaName}, as asked.`;
    case 'not-json':
      return (
        `Your answer was not valid JSON:\n${listed}\n` +
        `Answer again with only the full corrected JSON object for ${schemaName}: no markdown fence, no commentary.`
      );
    case 'schema':
      return (
        `Your answer does not match the schema ${schemaName}; these fields are wrong:\n${listed}\n` +
        'Answer again with the full corrected JSON object (every field, not only the corrected ones), no commentary.'
      );
  }
}
