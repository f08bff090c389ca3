import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The field names selected under this resolver's field, following fragments, optionally down a
 * path (e.g. ['edges', 'node']). Used to audit exactly the fields a caller asked for.
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[] = []): Set<string> {
  let sets = info.fieldNodes.map((node) => node.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const step of path) {
    sets = sets.flatMap((set) => fieldsIn(set, info).filter((f) => f.name.value === step && f.selectionSet).map((f) => f.selectionSet as SelectionSetNode));
  }
  return new Set(sets.flatMap((set) => fieldsIn(set, info).map((f) => f.name.value)));
}

function fieldsIn(set: SelectionSetNode, info: GraphQLResolveInfo): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsIn(selection.selectionSet, info);
    const fragment = info.fragments[selection.name.value];
    return fragment ? fieldsIn(fragment.selectionSet, info) : [];
  });
}
