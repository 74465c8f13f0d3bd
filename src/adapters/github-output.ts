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

/**
 * A token for GitHub's `::stop-commands::<token>` fence, found in none of `texts`. Between
 * `::stop-commands::<token>` and `::<token>::` the runner runs no workflow commands, so lines of
 * untrusted text printed in between (`::error::`, `::add-mask::`, `::stop-commands::`) are only text.
 */
export function stopCommandsToken(texts: readonly string[]): string {
  let token = randomUUID().replaceAll('-', '');
  while (texts.some((text) => text.includes(token))) token = randomUUID().replaceAll('-', '');
  return token;
}
