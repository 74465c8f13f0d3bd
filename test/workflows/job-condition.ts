// A job's `if:` evaluated as GitHub evaluates it, with GitHub's own expression evaluator
// (@actions/expressions, the one @actions/workflow-parser ships with), so tests of which jobs run
// after which results do not rest on our reading of the condition.
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';

export const STATUS_FUNCTIONS = ['success', 'failure', 'cancelled', 'always'] as const;
export type Status = Record<(typeof STATUS_FUNCTIONS)[number], boolean>;

/** Evaluates a job's `if:` as GitHub does (a condition without a status function means success() && it). */
export function jobRuns(condition: unknown, context: Record<string, unknown>, status: Status): boolean {
  const text = typeof condition === 'string' ? condition.trim() : 'success()';
  const inner = /^\$\{\{([\s\S]*)\}\}$/.exec(text)?.[1] ?? text;
  const withStatus = /\b(?:success|failure|cancelled|always)\(\)/.test(inner) ? inner : `success() && (${inner})`;
  const { tokens } = new Lexer(withStatus).lex();
  const functions = STATUS_FUNCTIONS.map((name) => ({ name, minArgs: 0, maxArgs: 0 }));
  const tree = new Parser(tokens, Object.keys(context), functions).parse();
  const implementations = new Map(
    functions.map((f) => [f.name, { ...f, call: () => new data.BooleanData(status[f.name]) }]),
  );
  const dictionary = JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary;
  return truthy(new Evaluator(tree, dictionary, implementations).evaluate());
}

/** Evaluates a `${{ }}` value (a matrix, an environment name) as GitHub does, to plain JSON. */
export function evaluateValue(expression: unknown, context: Record<string, unknown>): unknown {
  const text = String(expression).trim();
  const inner = /^\$\{\{([\s\S]*)\}\}$/.exec(text)?.[1] ?? text;
  const { tokens } = new Lexer(inner).lex();
  const tree = new Parser(tokens, Object.keys(context), []).parse();
  const dictionary = JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary;
  return JSON.parse(JSON.stringify(new Evaluator(tree, dictionary, new Map()).evaluate(), data.replacer)) as unknown;
}
