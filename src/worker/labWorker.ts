/// <reference lib="webworker" />
/** The Web Worker that owns the model: see dispatcher.ts. */
import { createDispatcher } from './dispatcher';
import type { Envelope } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const dispatch = createDispatcher((reply, transfer) => scope.postMessage(reply, transfer));
scope.onmessage = (event: MessageEvent<Envelope>) => dispatch(event.data);
