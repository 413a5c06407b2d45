// One request's state for a component: data, error, loading, and reload; an answer that arrives
// after the inputs changed (or after unmount) is dropped.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useAsync<T>(load: () => Promise<T> | undefined, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: false,
  });
  const [round, setRound] = useState(0);
  const current = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to load again
  useEffect(() => {
    const ticket = ++current.current;
    const pending = load();
    if (!pending) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    setState((previous) => ({ ...previous, loading: true }));
    pending.then(
      (data) => ticket === current.current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => ticket === current.current && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      if (ticket === current.current) current.current++;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { ...state, reload };
}
