// An ActionIo that keeps everything a step tells the runner: inputs, outputs, failures, state,
// the summary and the raw job log. Shared by the in-process Action tests.
import type { ActionIo, AnnotationPosition } from '../../src/action/action-io.ts';

/** An ActionIo that keeps everything the step tells the runner. */
export class FakeActionIo implements ActionIo {
  readonly inputs: Record<string, string>;
  readonly outputs: Record<string, string> = {};
  readonly secrets: string[] = [];
  readonly infos: string[] = [];
  readonly warnings: string[] = [];
  readonly errors: { message: string; position?: AnnotationPosition }[] = [];
  readonly failures: string[] = [];
  readonly state: Record<string, string> = {};
  readonly summaries: string[] = [];
  /** The raw job log (fences and the live step output). */
  log = '';

  constructor(inputs: Record<string, string>) {
    this.inputs = inputs;
  }

  getInput(name: string): string {
    // As core.getInput: an input that was not given reads as ''.
    return this.inputs[name] ?? '';
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  setSecret(value: string): void {
    this.secrets.push(value);
  }
  info(message: string): void {
    this.infos.push(message);
  }
  warning(message: string): void {
    this.warnings.push(message);
  }
  error(message: string, position?: AnnotationPosition): void {
    this.errors.push(position === undefined ? { message } : { message, position });
  }
  setFailed(message: string): void {
    this.failures.push(message);
  }
  saveState(name: string, value: string): void {
    this.state[name] = value;
  }
  getState(name: string): string {
    return this.state[name] ?? '';
  }
  writeSummary(markdown: string): Promise<void> {
    this.summaries.push(markdown);
    return Promise.resolve();
  }
  writeRaw(bytes: Uint8Array | string): boolean {
    this.log += typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
    return false;
  }
}
