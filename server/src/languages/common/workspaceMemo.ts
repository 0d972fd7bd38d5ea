import type { WorkspaceView } from './types';

const memo = new WeakMap<WorkspaceView, Map<string, { generation: number; value: unknown }>>();

/**
 * A value derived from the whole workspace (an index of what every file defines), computed once
 * per workspace generation and shared by the checks of every file. Cross-file checks that walk
 * every other file for each file are quadratic in the number of files; with this they are linear.
 * A workspace view without a generation (a test's plain object) gets a fresh value every call.
 */
export function workspaceMemo<T>(ws: WorkspaceView, key: string, build: () => T): T {
  const generation = ws.generation;
  if (generation === undefined) return build();
  let byKey = memo.get(ws);
  if (!byKey) memo.set(ws, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.generation === generation) return hit.value as T;
  const value = build();
  byKey.set(key, { generation, value });
  return value;
}
