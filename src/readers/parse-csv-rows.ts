/**
 * The rows of a CSV text (RFC 4180: fields in double quotes may hold commas, line breaks and `""`), each with the
 * line it starts on; blank lines are skipped. Undefined-free: a malformed quote is reported with its line.
 */
export function parseCsvRows(text: string): Array<{ line: number; fields: string[] }> | { line: number; problem: string } {
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  const body = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < body.length; index++) {
    const character = body[index]!;
    if (quoted) {
      if (character === '"' && body[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else {
        if (character === '\n') line++;
        field += character;
      }
    } else if (character === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (character === ',') {
      fields.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && body[index + 1] === '\n') index++;
      endRow();
      line++;
      rowLine = line;
    } else field += character;
  }
  if (quoted) return { line: rowLine, problem: 'a quoted field is not closed' };
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}
