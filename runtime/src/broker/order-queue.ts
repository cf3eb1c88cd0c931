import type { OrderAction } from '../engine/result'
import type { OrderIntent } from '../engine/strategy'

/** @internal An order waiting for the next bar's open. */
export interface PendingOrder {
  action: OrderAction
  intent: OrderIntent | undefined
  /** The bar on whose close the strategy decided it. */
  barIndex: number
}

/**
 * @internal Orders placed on one bar, kept in placement order. Slots are reused from bar to
 * bar, so a strategy that signals on every bar costs no allocation.
 */
export class OrderQueue {
  /** Orders queued since the last {@link clear}. */
  count = 0
  private readonly slots: PendingOrder[] = []

  push(action: OrderAction, intent: OrderIntent | undefined, barIndex: number): void {
    const slot = this.slots[this.count]
    if (slot === undefined) {
      this.slots.push({ action, intent, barIndex })
    } else {
      slot.action = action
      slot.intent = intent
      slot.barIndex = barIndex
    }
    this.count++
  }

  /** The k-th queued order (0 ≤ k < count). */
  at(k: number): PendingOrder {
    return this.slots[k]!
  }

  /**
   * Removes the orders `remove` selects, keeping the others in placement order; `onRemoved` sees
   * each removed one first. Slots are swapped, not reallocated.
   */
  removeWhere(remove: (o: PendingOrder) => boolean, onRemoved: (o: PendingOrder) => void): void {
    let kept = 0
    for (let k = 0; k < this.count; k++) {
      const slot = this.slots[k]!
      if (remove(slot)) {
        onRemoved(slot)
        slot.intent = undefined
        continue
      }
      if (kept !== k) {
        this.slots[k] = this.slots[kept]!
        this.slots[kept] = slot
      }
      kept++
    }
    this.count = kept
  }

  /** Empties the queue, dropping references to the strategy's intents. */
  clear(): void {
    for (let k = 0; k < this.count; k++) this.slots[k]!.intent = undefined
    this.count = 0
  }
}
