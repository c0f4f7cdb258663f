/**
 * The optimal plan's pricing over worker threads (Node only). Pricing walks each labourer's lawful
 * posts against the duals of a round and is most of an optimal plan's time; its shards of labourers
 * are independent, so threads share them: each thread holds a copy of the compiled index and takes
 * the next shard not yet taken until none is left, the calling thread among them. `assign` stays
 * synchronous: the calling thread prices shards too, then waits (`Atomics.wait`) for those the
 * other threads took. The plan is the same as on one thread.
 *
 * The first thread also finds group members' full candidate lists when asked (`lists`), while the
 * calling thread goes on with the plan: the same lists the calling thread would find.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import {
  MessageChannel,
  isMainThread,
  receiveMessageOnPort,
  workerData,
  type MessagePort,
  type Worker,
} from 'node:worker_threads';
import type { CompiledIndex } from '../compile.js';
import { findLists, type PackedLists } from '../internal/candidate-lists.js';
import {
  PricingViews,
  localPricer,
  priceRange,
  pricingShards,
  type PlanDuals,
  type PricingOptions,
  type ShardPricer,
  type Violations,
} from '../internal/pricing.js';
import { modulePath, startThread } from './threads.js';

const KIND = 'bangfu-pricing-thread';

/**
 * Slots of the shared control words: the shards taken so far (all calls), the replies posted, the
 * threads ready, the candidate lists posted.
 */
const TAKEN = 0;
const POSTED = 1;
const READY = 2;
const LISTED = 3;

/** The default of {@link PricingPoolOptions.minLabourers}. */
const MIN_LABOURERS = 50_000;

/** How long the calling thread waits for a reply before it looks again (ms). */
const WAIT_MS = 1000;
/** How long a first pricing waits for the threads to start (ms); one not started by then joins later. */
const START_MS = 10_000;

interface ThreadData {
  readonly kind: typeof KIND;
  readonly index: CompiledIndex;
  readonly control: SharedArrayBuffer;
  readonly port: MessagePort;
  /** Where candidate lists are asked for and sent back. */
  readonly tasks: MessagePort;
}

/** Candidate lists asked of a thread (see `findLists`), numbered. */
interface ListsTask {
  readonly id: number;
  readonly labourers: Int32Array;
  readonly minScore: number;
  readonly bytes: number;
}

/** The lists found, or why not. */
type ListsReply =
  { readonly id: number; readonly lists: PackedLists } | { readonly id: number; readonly error: string };

/** One pricing call: its shards are `base … base + n − 1` of the shared count of shards taken. */
interface Call {
  readonly base: number;
  readonly duals: PlanDuals;
  readonly options: Omit<PricingOptions, 'views'>;
}

/** A shard's result or failure, with the call it belongs to (its `base`). */
type Reply =
  | { readonly base: number; readonly shard: number; readonly part: Violations }
  | { readonly base: number; readonly shard: number; readonly error: string };

/**
 * Takes the next shard of a call, or −1 when all are taken. Compare-and-swap, so a thread still on
 * an earlier call (whose shards are all taken) takes nothing of a later one.
 */
function take(control: Int32Array, base: number, n: number): number {
  for (;;) {
    const seen = Atomics.load(control, TAKEN);
    const k = seen - base;
    if (k < 0 || k >= n) return -1;
    if (Atomics.compareExchange(control, TAKEN, seen, seen + 1) === seen) return k;
  }
}

function buffersOf(part: Violations): ArrayBuffer[] {
  const out = [part.labourers.buffer, part.offsets.buffer, part.posts.buffer, part.scores.buffer];
  if (part.slack !== undefined) out.push(part.slack.buffer);
  if (part.near !== undefined)
    out.push(part.near.offsets.buffer, part.near.posts.buffer, part.near.scores.buffer);
  return out as ArrayBuffer[];
}

/** Options of {@link createPricingPool}. */
export interface PricingPoolOptions {
  /**
   * Threads that price, the calling thread included (1: no worker thread, every shard priced by
   * the caller).
   * @defaultValue the machine's available parallelism
   */
  readonly threads?: number;
  /**
   * An index of fewer labourers is priced on the calling thread alone: starting the threads (each
   * loads the package and copies the index) takes longer than they save on a small plan (at
   * 10,000 labourers × 1,000 posts, 1.8 s against 1.6 s for `bangfu assign`).
   * @defaultValue 50,000
   */
  readonly minLabourers?: number;
}

/** A {@link ShardPricer} over worker threads, for `assign`'s `pricer` option. */
export interface PricingPool extends ShardPricer {
  /** Threads that price, the calling thread included. */
  readonly threads: number;
  /** Shards priced by the worker threads so far (the rest by the calling thread). */
  readonly shared: number;
  /**
   * Starts finding labourers' candidate lists on the first worker thread (see
   * {@link ShardPricer.lists}); undefined when the pool prices on the calling thread alone.
   */
  lists(
    index: CompiledIndex,
    labourers: Int32Array,
    minScore: number,
    bytes: number,
  ): (() => PackedLists) | undefined;
  /** Stops the worker threads (a later plan starts them again). */
  close(): Promise<void>;
}

/**
 * A pool of worker threads for the optimal plan's pricing (`assign(dataset, { pricer })`). The
 * threads start at the first pricing of a compiled index, each with a copy of it (about the size of
 * the dataset's labourers and posts in typed arrays), and stay for later rounds and plans of the
 * same index; a plan of another index starts them again with it. They do not keep the process
 * alive; `close()` stops them.
 *
 * The plan is exactly the one `assign` makes on one thread: each shard is priced by the same
 * function of the same duals, and the shards are joined in order. Group members' candidate lists,
 * which an optimal plan with groups needs once its relaxation is solved, are found on the first
 * thread meanwhile (by the function the calling thread would use).
 *
 * A worker thread that dies while pricing (out of memory, say) is not noticed: the plan waits for it.
 *
 * @param options - How many threads, and from how many labourers they are used.
 * @returns The pool.
 * @throws RangeError if `threads` is not a positive integer or `minLabourers` not a non-negative
 *   integer.
 * @example
 * const pool = createPricingPool({ threads: 2 });
 * const plan = assign(dataset, { mode: 'optimal', pricer: pool });
 * await pool.close();
 */
export function createPricingPool(options: PricingPoolOptions = {}): PricingPool {
  const { threads = availableParallelism(), minLabourers = MIN_LABOURERS } = options;
  if (!Number.isInteger(threads) || threads < 1)
    throw new RangeError(`createPricingPool: threads must be a positive integer, got ${String(threads)}`);
  if (!Number.isInteger(minLabourers) || minLabourers < 0)
    throw new RangeError(
      `createPricingPool: minLabourers must be a non-negative integer, got ${String(minLabourers)}`,
    );
  const control = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  let index: CompiledIndex | undefined;
  let workers: { readonly worker: Worker; readonly port: MessagePort; readonly tasks: MessagePort }[] = [];
  let listCalls = 0;
  const replies = new Map<number, ListsReply>();
  const stop = async (): Promise<void> => {
    const old = workers;
    workers = [];
    replies.clear();
    index = undefined;
    Atomics.store(control, READY, 0);
    for (const w of old) {
      w.port.close();
      w.tasks.close();
    }
    await Promise.all(old.map((w) => w.worker.terminate()));
  };
  const start = (of: CompiledIndex): void => {
    void stop();
    index = of;
    const path = modulePath(import.meta.url, typeof __filename === 'string' ? __filename : undefined);
    for (let t = 1; t < threads; t++) {
      const { port1, port2 } = new MessageChannel();
      const lists = new MessageChannel();
      const data: ThreadData = {
        kind: KIND,
        index: of,
        control: control.buffer as SharedArrayBuffer,
        port: port2,
        tasks: lists.port2,
      };
      const worker = startThread(path, data, [port2, lists.port2]);
      worker.unref();
      // A thread that fails to start takes no shard: the calling thread prices them all.
      worker.on('error', () => undefined);
      workers.push({ worker, port: port1, tasks: lists.port1 });
    }
    // The first round is the largest: the threads are waited for (each copies the index and loads
    // the package, a fraction of a second) rather than leaving it to the calling thread.
    const until = Date.now() + START_MS;
    for (
      let ready = Atomics.load(control, READY);
      ready < threads - 1;
      ready = Atomics.load(control, READY)
    ) {
      const left = until - Date.now();
      if (left <= 0) break;
      Atomics.wait(control, READY, ready, left);
    }
  };
  let shared = 0;
  return {
    threads,
    get shared() {
      return shared;
    },
    close: stop,
    lists(of, labourers, minScore, bytes) {
      if (threads === 1 || of.labourerCount < minLabourers) return undefined;
      if (index !== of) start(of);
      // The first thread finds them all; the calling thread and any other threads price meanwhile.
      // Unless every thread started: one that did not would never reply.
      const w = workers[0];
      if (w === undefined || Atomics.load(control, READY) < threads - 1) return undefined;
      const id = ++listCalls;
      w.tasks.postMessage({ id, labourers, minScore, bytes } satisfies ListsTask);
      return () => {
        for (;;) {
          const posted = Atomics.load(control, LISTED);
          // Replies to other calls are kept for their callers.
          for (let m = receiveMessageOnPort(w.tasks); m !== undefined; m = receiveMessageOnPort(w.tasks)) {
            const reply = m.message as ListsReply;
            replies.set(reply.id, reply);
          }
          const reply = replies.get(id);
          if (reply !== undefined) {
            replies.delete(id);
            if ('error' in reply)
              throw new Error(`createPricingPool: a pricing thread failed: ${reply.error}`);
            return reply.lists;
          }
          // The thread was stopped before it replied (the pool moved to another index): found here.
          if (!workers.includes(w)) return findLists(of, labourers, minScore, bytes);
          Atomics.wait(control, LISTED, posted, WAIT_MS);
        }
      };
    },
    price(of, duals, pricingOptions, onShard) {
      if (threads === 1 || of.labourerCount < minLabourers)
        return localPricer.price(of, duals, pricingOptions, onShard);
      if (index !== of) start(of);
      const W = of.labourerCount;
      const bounds = pricingShards(W);
      const n = bounds.length - 1;
      const base = Atomics.load(control, TAKEN);
      const { views, ...rest } = pricingOptions;
      const call: Call = { base, duals, options: rest };
      for (const w of workers) w.port.postMessage(call);
      const parts: (Violations | undefined)[] = Array.from({ length: n }, () => undefined);
      let settled = 0;
      let priced = 0;
      let failure: string | undefined;
      const receive = (): void => {
        for (const w of workers) {
          for (let m = receiveMessageOnPort(w.port); m !== undefined; m = receiveMessageOnPort(w.port)) {
            const reply = m.message as Reply;
            // A shard of a call that failed on this thread, priced after it gave up: not this call's.
            if (reply.base !== base) continue;
            settled++;
            if ('error' in reply) failure ??= reply.error;
            else {
              parts[reply.shard] = reply.part;
              shared++;
              priced += bounds[reply.shard + 1]! - bounds[reply.shard]!;
            }
          }
        }
      };
      onShard?.(0, W);
      try {
        for (let k = take(control, base, n); k >= 0; k = take(control, base, n)) {
          parts[k] = priceRange(of, bounds[k]!, bounds[k + 1]!, duals, { ...rest, views });
          settled++;
          priced += bounds[k + 1]! - bounds[k]!;
          receive();
          onShard?.(priced, W);
        }
      } catch (e) {
        // No thread takes a shard of this call any more, so the next call's shards are its own.
        for (let seen = Atomics.load(control, TAKEN); seen < base + n; seen = Atomics.load(control, TAKEN))
          Atomics.compareExchange(control, TAKEN, seen, base + n);
        throw e;
      }
      // The shards the other threads took.
      for (;;) {
        const posted = Atomics.load(control, POSTED);
        receive();
        if (settled === n) break;
        Atomics.wait(control, POSTED, posted, WAIT_MS);
      }
      onShard?.(W, W);
      if (failure !== undefined) throw new Error(`createPricingPool: a pricing thread failed: ${failure}`);
      return parts as Violations[];
    },
  };
}

/** Inside a pricing thread: prices the shards it takes of each call, and posts each back. */
function serve(data: ThreadData): void {
  const { index, port } = data;
  const control = new Int32Array(data.control);
  const bounds = pricingShards(index.labourerCount);
  const n = bounds.length - 1;
  // Views kept from call to call (the calling thread keeps its own); a call restricted to some
  // posts gets views of its own, as on the calling thread.
  const views = new PricingViews();
  port.on('message', (call: Call) => {
    const own = call.options.posts === undefined ? views : new PricingViews();
    for (let k = take(control, call.base, n); k >= 0; k = take(control, call.base, n)) {
      try {
        const part = priceRange(index, bounds[k]!, bounds[k + 1]!, call.duals, {
          ...call.options,
          views: own,
        });
        port.postMessage({ base: call.base, shard: k, part } satisfies Reply, buffersOf(part));
      } catch (e) {
        port.postMessage({
          base: call.base,
          shard: k,
          error: e instanceof Error ? (e.stack ?? e.message) : String(e),
        } satisfies Reply);
      }
      Atomics.add(control, POSTED, 1);
      Atomics.notify(control, POSTED);
    }
  });
  data.tasks.on('message', (task: ListsTask) => {
    let reply: ListsReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const lists = findLists(index, task.labourers, task.minScore, task.bytes);
      reply = { id: task.id, lists };
      transfer = [lists.labourers, lists.offsets, lists.posts, lists.scores].map(
        (a) => a.buffer as ArrayBuffer,
      );
    } catch (e) {
      reply = { id: task.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    data.tasks.postMessage(reply, transfer);
    Atomics.add(control, LISTED, 1);
    Atomics.notify(control, LISTED);
  });
  Atomics.add(control, READY, 1);
  Atomics.notify(control, READY);
}

if (!isMainThread && (workerData as ThreadData | undefined)?.kind === KIND) serve(workerData as ThreadData);
