/**
 * Wilkinson–Rogers model formulae as R `terms()` reads them, restricted to `+`, `*` and `:` with an
 * implicit intercept: `Y ~ A*B + C` is `Y ~ A + B + C + A:B`. Terms are ordered by degree, then by first
 * appearance (R's order); within a term, variables are in order of first appearance in the formula.
 */
import { ModelInputError } from './errors.js';

export interface ModelTerm {
  /** Variables of the term, in order of first appearance in the formula. */
  readonly variables: readonly string[];
  /** R-style label, variables joined by `:`. */
  readonly label: string;
}

export interface ModelFormula {
  readonly response: string;
  readonly terms: readonly ModelTerm[];
  /** Every variable on the right-hand side, in order of first appearance. */
  readonly variables: readonly string[];
}

const IDENT = /^[A-Za-z_.][A-Za-z0-9_.]*$/;

function tokenize(rhs: string): string[] {
  const tokens = rhs.match(/[A-Za-z0-9_.]+|[+*:()]|\S/g) ?? [];
  for (const t of tokens) {
    if (t === '+' || t === '*' || t === ':' || t === '1' || IDENT.test(t)) continue;
    throw new ModelInputError('spec', `formula: unexpected "${t}" (only +, * and : are supported)`);
  }
  return tokens;
}

/** Splits tokens on an operator at top level, rejecting empty operands. */
function splitOn(tokens: readonly string[], op: string, text: string): string[][] {
  const parts: string[][] = [[]];
  for (const t of tokens) {
    if (t === op) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  if (parts.some((p) => p.length === 0)) throw new ModelInputError('spec', `formula: dangling "${op}" in "${text}"`);
  return parts;
}

/** All non-empty unions of the factors' variable sets, in R's expansion order of a*b*c. */
function expandProduct(factors: readonly (readonly string[])[]): string[][] {
  let acc: string[][] = [];
  for (const f of factors) {
    const next: string[][] = [...acc, [...f]];
    for (const a of acc) next.push([...a, ...f]);
    acc = next;
  }
  return acc;
}

export function parseModelFormula(text: string): ModelFormula {
  const sides = text.split('~');
  if (sides.length !== 2) throw new ModelInputError('spec', `formula "${text}" must have the form "Y ~ terms"`);
  const response = sides[0]!.trim();
  if (!IDENT.test(response))
    throw new ModelInputError('spec', `formula: response "${response}" is not a variable name`);
  const tokens = tokenize(sides[1]!);
  if (tokens.length === 0) throw new ModelInputError('spec', `formula "${text}" has no terms`);
  const order: string[] = [];
  for (const t of tokens) if (IDENT.test(t) && t !== '1' && !order.includes(t)) order.push(t);
  if (order.includes(response))
    throw new ModelInputError('spec', `formula: ${response} is both response and covariate`);
  const rank = (v: string): number => order.indexOf(v);

  const sets: string[][] = [];
  for (const summand of splitOn(tokens, '+', text)) {
    if (summand.length === 1 && summand[0] === '1') continue;
    const factors = splitOn(summand, '*', text).map((f) => {
      const vars = splitOn(f, ':', text).map((v) => {
        if (v.length !== 1 || v[0] === '1')
          throw new ModelInputError('spec', `formula: bad term "${summand.join('')}"`);
        return v[0]!;
      });
      return [...new Set(vars)];
    });
    for (const s of expandProduct(factors)) sets.push([...new Set(s)].sort((a, b) => rank(a) - rank(b)));
  }
  const seen = new Set<string>();
  const unique = sets.filter((s) => {
    const key = s.join(':');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const terms = unique
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.length - b.s.length || a.i - b.i)
    .map(({ s }) => ({ variables: s, label: s.join(':') }));
  return { response, terms, variables: order };
}
