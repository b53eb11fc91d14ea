export type ParseJsonResult = { success: true; value: unknown } | { success: false; error: string };

// Some local models wrap the JSON in a markdown fence despite the response format.
const FENCE_PATTERN = /^```[a-zA-Z]*\s*\n?([\s\S]*?)\n?\s*```$/;

/** The model's text as JSON; tolerates a ```json fence or chatter around one object. */
export function parseJsonText(text: string): ParseJsonResult {
  const trimmed = text.trim();
  if (!trimmed) return { success: false, error: 'the answer was empty, expected a JSON object' };
  const unfenced = FENCE_PATTERN.exec(trimmed)?.[1]?.trim() ?? trimmed;
  const direct = tryParse(unfenced);
  if (direct.success) return direct;
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  if (start > 0 || (start >= 0 && end < unfenced.length - 1)) {
    const embedded = tryParse(unfenced.slice(start, end + 1));
    if (embedded.success) return embedded;
  }
  return direct;
}

// --- internal ---

function tryParse(text: string): ParseJsonResult {
  try {
    return { success: true, value: JSON.parse(text) };
  } catch (error) {
    return { success: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
