/**
 * Message templates in Vietnamese and English. `{{name}}` places a variable; in the HTML
 * part its value is HTML-escaped, so a name typed by a citizen can never inject markup.
 * The variables a template needs are read from its text at compile time, so sending a
 * template without one of its variables is a type error, and at run time both languages
 * must use the same variables (a forgotten one in a translation fails at start-up).
 */
export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';

export interface TemplateText {
  subject: string;
  /** Plain text; the whole message for SMS and Zalo, the text part of an e-mail. */
  text: string;
  /** Optional HTML part of an e-mail. */
  html?: string;
}

type VariablesIn<S> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | VariablesIn<Rest>
  : never;
type VariablesOfText<T> = T extends TemplateText
  ? VariablesIn<T['subject']> | VariablesIn<T['text']> | VariablesIn<T['html']>
  : never;

export interface Template<V extends string = string> {
  readonly name: string;
  readonly texts: Readonly<Record<Locale, TemplateText>>;
  readonly variables: readonly V[];
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9_]*)\}\}/g;
const registry = new Map<string, Template>();

function placeholders(text: TemplateText): Set<string> {
  const names = new Set<string>();
  for (const part of [text.subject, text.text, text.html ?? '']) {
    for (const match of part.matchAll(PLACEHOLDER)) names.add(match[1]!);
  }
  return names;
}

/** Declares a template; its name must be unique across the platform. */
export function defineTemplate<const T extends Record<Locale, TemplateText>>(
  name: string,
  texts: T,
): Template<VariablesOfText<T['vi']> | VariablesOfText<T['en']>> {
  if (registry.has(name)) throw new Error(`notification template "${name}" is defined twice`);
  const vi = placeholders(texts.vi);
  const en = placeholders(texts.en);
  const differ = [...vi].filter((v) => !en.has(v)).concat([...en].filter((v) => !vi.has(v)));
  if (differ.length > 0) {
    throw new Error(
      `notification template "${name}": variables ${differ.join(', ')} are not in both languages`,
    );
  }
  const template = { name, texts, variables: [...vi] } as unknown as Template<
    VariablesOfText<T['vi']> | VariablesOfText<T['en']>
  >;
  registry.set(name, template);
  return template;
}

export function findTemplate(name: string): Template | undefined {
  return registry.get(name);
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class MissingVariableError extends Error {
  constructor(template: string, variable: string) {
    super(`notification template "${template}" needs the variable "${variable}"`);
    this.name = 'MissingVariableError';
  }
}

function interpolate(
  template: Template,
  source: string,
  variables: Readonly<Record<string, string>>,
  encode: (value: string) => string,
): string {
  return source.replace(PLACEHOLDER, (_match, name: string) => {
    const value = variables[name];
    if (typeof value !== 'string') throw new MissingVariableError(template.name, name);
    return encode(value);
  });
}

/**
 * Throws MissingVariableError unless every variable the template places is given, as
 * rendering it would (both languages place the same variables; defineTemplate checks).
 */
export function checkVariables(
  template: Template,
  variables: Readonly<Record<string, string>>,
): void {
  for (const name of template.variables) {
    if (typeof variables[name] !== 'string') throw new MissingVariableError(template.name, name);
  }
}

/** Renders the template in the recipient's language (Vietnamese unless told otherwise). */
export function renderTemplate(
  template: Template,
  locale: Locale | undefined,
  variables: Readonly<Record<string, string>>,
): RenderedMessage {
  const text = template.texts[locale ?? DEFAULT_LOCALE];
  // A line break in a subject would start a new mail header.
  const subject = interpolate(template, text.subject, variables, (v) => v).replace(/[\r\n]+/g, ' ');
  const rendered: RenderedMessage = {
    subject,
    text: interpolate(template, text.text, variables, (v) => v),
  };
  if (text.html !== undefined)
    rendered.html = interpolate(template, text.html, variables, escapeHtml);
  return rendered;
}
