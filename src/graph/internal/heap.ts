/**
 * An indexed binary min-heap of small integers (node indices) over typed arrays, with decrease-key.
 * The order comes from a caller-supplied `less(a, b)`, which must be a strict total order (break ties
 * by index) so that the pop order is deterministic.
 *
 * @module
 */

/** An indexed binary min-heap of the integers `0 … capacity − 1`. */
export class IndexedHeap {
  private readonly items: Int32Array;
  /** Position of each item in `items`, or −1 when absent. */
  private readonly pos: Int32Array;
  private count = 0;

  /**
   * @param capacity - Items are the integers `0 … capacity − 1`.
   * @param less - Strict total order on items; read at every comparison, so keys may live outside.
   */
  constructor(
    capacity: number,
    private readonly less: (a: number, b: number) => boolean,
  ) {
    this.items = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  /** Number of items held. */
  get size(): number {
    return this.count;
  }

  /** Whether `item` is held. O(1). */
  has(item: number): boolean {
    return this.pos[item]! >= 0;
  }

  /** Adds `item`, or restores order after its key decreased if it is already held. O(log n). */
  pushOrDecrease(item: number): void {
    let i = this.pos[item]!;
    if (i < 0) {
      i = this.count++;
      this.items[i] = item;
      this.pos[item] = i;
    }
    this.up(i);
  }

  /** The least item, left in place; the heap must not be empty. O(1). */
  peek(): number {
    return this.items[0]!;
  }

  /** Removes and returns the least item; the heap must not be empty. O(log n). */
  pop(): number {
    const top = this.items[0]!;
    const last = this.items[--this.count]!;
    this.pos[top] = -1;
    if (this.count > 0) {
      this.items[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  /** Empties the heap. O(n) in the items held. */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.pos[this.items[i]!] = -1;
    this.count = 0;
  }

  private up(i: number): void {
    const items = this.items;
    const item = items[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!this.less(item, p)) break;
      items[i] = p;
      this.pos[p] = i;
      i = parent;
    }
    items[i] = item;
    this.pos[item] = i;
  }

  private down(i: number): void {
    const items = this.items;
    const n = this.count;
    const item = items[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.less(items[right]!, items[child]!)) child = right;
      const c = items[child]!;
      if (!this.less(c, item)) break;
      items[i] = c;
      this.pos[c] = i;
      i = child;
    }
    items[i] = item;
    this.pos[item] = i;
  }
}
