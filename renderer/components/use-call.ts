import { useCallback, useEffect, useState } from 'react';
import type { MethodName, ParamsOf, ResultOf } from '../../electron/backend/api/contract.ts';
import type { RpcError } from '../../electron/backend/rpc/envelope.ts';
import { api } from '../api/client.ts';

/** Calls a method when the component mounts or its key changes; reload() calls it again. */
export function useCall<M extends MethodName>(method: M, params: ParamsOf<M>, key = ''): { data: ResultOf<M> | undefined; error: RpcError | undefined; reload: () => void } {
  const [data, setData] = useState<ResultOf<M> | undefined>(undefined);
  const [error, setError] = useState<RpcError | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const paramsKey = JSON.stringify(params);
  useEffect(() => {
    let live = true;
    void api.call(method, JSON.parse(paramsKey) as ParamsOf<M>).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(undefined);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [method, paramsKey, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}
