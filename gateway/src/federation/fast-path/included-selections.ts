import type { DirectiveNode, SelectionNode, SelectionSetNode, ValueNode } from "graphql";
import { Bail } from "./bail";

export interface IncludedSelections {
  /** The selections of a set that @skip/@include keep for these variables. */
  of(selectionSet: SelectionSetNode): readonly SelectionNode[];
}

function conditionValue(value: ValueNode | undefined, variables: Record<string, unknown>): boolean {
  if (value?.kind === "BooleanValue") return value.value;
  if (value?.kind === "Variable") {
    const bound = variables[value.name.value];
    if (typeof bound === "boolean") return bound;
  }
  throw new Bail("@skip/@include without a boolean");
}

function isIncluded(directives: readonly DirectiveNode[] | undefined, variables: Record<string, unknown>): boolean {
  if (!directives || directives.length === 0) return true;
  for (const directive of directives) {
    const name = directive.name.value;
    if (name !== "skip" && name !== "include") continue;
    const condition = conditionValue(directive.arguments?.find((a) => a.name.value === "if")?.value, variables);
    if (name === "skip" ? condition : !condition) return false;
  }
  return true;
}

/** Evaluates @skip/@include once per selection set, for one request's variables. */
export function includedSelections(variables: Record<string, unknown>): IncludedSelections {
  const cache = new WeakMap<SelectionSetNode, readonly SelectionNode[]>();
  return {
    of(selectionSet) {
      let kept = cache.get(selectionSet);
      if (!kept) {
        const all = selectionSet.selections;
        kept = all.every((s) => !s.directives?.length) ? all : all.filter((s) => isIncluded(s.directives, variables));
        cache.set(selectionSet, kept);
      }
      return kept;
    },
  };
}

/** The variables whose values decide some @skip/@include: a shaper is compiled per set of their values. */
export function conditionVariables(selectionSets: readonly SelectionSetNode[]): string[] {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      for (const directive of selection.directives ?? []) {
        if (directive.name.value !== "skip" && directive.name.value !== "include") continue;
        for (const argument of directive.arguments ?? []) {
          if (argument.value.kind === "Variable") names.add(argument.value.name.value);
        }
      }
      if (selection.kind !== "FragmentSpread" && selection.selectionSet) visit(selection.selectionSet);
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return [...names].sort();
}
