import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';

/**
 * Appends outputs to a GitHub file command (GITHUB_OUTPUT) in the multi-line form with a random
 * delimiter, so a value containing newlines or a guessed delimiter cannot add other outputs.
 */
export async function appendGitHubOutputs(file: string, outputs: Readonly<Record<string, string>>): Promise<void> {
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    let delimiter = `ghadelimiter_${randomUUID()}`;
    while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  await appendFile(file, text);
}
