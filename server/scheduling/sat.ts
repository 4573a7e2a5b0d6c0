/**
 * A conflict-driven clause-learning SAT solver with native at-most-k
 * constraints, for the exact phase of the scheduler.
 *
 * Literals are integers: `2v` is variable v, `2v + 1` its negation. Clauses
 * are watched by two literals; an at-most-k constraint counts its true
 * literals as they are assigned and, once k are true, sets the rest false
 * (the reason, "these k are true", is rebuilt from the trail when conflict
 * analysis asks for it). Conflicts are learnt at the first unique
 * implication point and minimised; branching is VSIDS with saved phases, which
 * a caller may seed with a known solution so that the search starts next to
 * it; restarts follow the Luby sequence; learnt clauses are thinned by their
 * literal block distance. Tightening an at-most-k bound between calls keeps
 * every learnt clause valid, so one solver walks a bound down step by step.
 *
 * Deterministic: no randomness, and the budget is counted in conflicts; the
 * clock is only read to stop at a deadline.
 */

/** `failed`: no solution with the assumptions (the formula itself may still have one). */
export type SatStatus = 'sat' | 'unsat' | 'failed' | 'unknown'

export interface SatBudget {
  /** Time to stop at, read from `clock` every 64 conflicts. */
  deadline?: number
  clock?: () => number
  maxConflicts?: number
  /**
   * Conflicts per unit of the Luby restart sequence (default 100). Short
   * runs under assumptions want frequent restarts; a long search for a
   * whole schedule wants them rare, so that the phases it has saved can
   * grow into a full assignment.
   */
  restartUnit?: number
}

const NO_REASON = -1
/** Reasons below this value name an at-most-k constraint: -(card + 2). */
const cardReason = (card: number) => -(card + 2)

export const neg = (lit: number) => lit ^ 1
export const posLit = (v: number) => v << 1
export const negLit = (v: number) => (v << 1) | 1

function luby(i: number): number {
  let size = 1
  let seq = 0
  while (size < i + 1) {
    seq++
    size = 2 * size + 1
  }
  let x = i
  while (size - 1 !== x) {
    size = (size - 1) >> 1
    seq--
    x %= size
  }
  return 2 ** seq
}

export class SatSolver {
  private vars = 0
  private ok = true
  /** Per variable: 1 true, -1 false, 0 unassigned. */
  private assign = new Int8Array(16)
  private level = new Int32Array(16)
  private reason = new Int32Array(16)
  private trailPos = new Int32Array(16)
  private phase = new Int8Array(16)
  private target = new Int8Array(16)
  private targetLength = 0
  private activity = new Float64Array(16)
  private seen = new Uint8Array(16)
  /** Minimisation results: `stamp` redundant, `stamp + 1` not. */
  private marks = new Int32Array(16)
  private stamp = 0
  private heap: number[] = []
  private heapIndex = new Int32Array(16).fill(-1)
  private varInc = 1
  private trail = new Int32Array(16)
  private trailSize = 0
  private trailLim: number[] = []
  private qhead = 0

  /**
   * Every clause, one after another: its size (negated once deleted), its
   * number among the learnt clauses (-1 for a clause given), its literals.
   * A clause is named by the position of its size.
   */
  private arena = new Int32Array(1 << 16)
  private arenaSize = 0
  /** Places of the arena held by deleted clauses; compacted away once they are half of it. */
  private wasted = 0
  /** Per learnt clause, in the order learnt: where it is, its literal block distance, its activity. */
  private learntRef: number[] = []
  private learntLbd: number[] = []
  private learntActivity: number[] = []
  private claInc = 1
  /** Per decision level, the last conflict in which it was counted towards a literal block distance. */
  private levelStamp = new Int32Array(17)
  /** Literals scratch space for minimisation, one per depth. */
  private reasonBuffers: number[][] = []
  /** watches[lit]: pairs (clause, blocker) of clauses watching lit, visited when lit becomes false. */
  private watches: Int32Array[] = []
  private watchLength: number[] = []

  private cardLits: Int32Array[] = []
  private cardBound: number[] = []
  /** The true literals of each constraint, in trail order (a stack, like the trail). */
  private cardTrue: number[][] = []
  /** cardsOf[lit]: constraints in which lit counts when true. */
  private cardsOf: number[][] = []

  conflicts = 0
  decisions = 0
  /** Times the clause arena was compacted. */
  compactions = 0
  /** After a `failed` answer: assumptions that cannot all hold together (a subset of those given). */
  failedAssumptions: number[] = []
  private model = new Int8Array(0)

  get variables(): number {
    return this.vars
  }

  newVar(): number {
    const v = this.vars++
    if (v >= this.assign.length) this.grow(2 * this.assign.length)
    this.phase[v] = -1
    this.heapIndex[v] = -1
    this.watches.push(new Int32Array(8), new Int32Array(8))
    this.watchLength.push(0, 0)
    this.cardsOf.push([], [])
    this.heapInsert(v)
    return v
  }

  private grow(size: number) {
    const widen = <T extends Int8Array | Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size)
      b.set(a)
      return b
    }
    this.assign = widen(this.assign, (n) => new Int8Array(n))
    this.level = widen(this.level, (n) => new Int32Array(n))
    this.reason = widen(this.reason, (n) => new Int32Array(n))
    this.trailPos = widen(this.trailPos, (n) => new Int32Array(n))
    this.phase = widen(this.phase, (n) => new Int8Array(n))
    this.target = widen(this.target, (n) => new Int8Array(n))
    this.activity = widen(this.activity, (n) => new Float64Array(n))
    this.seen = widen(this.seen, (n) => new Uint8Array(n))
    this.marks = widen(this.marks, (n) => new Int32Array(n))
    this.trail = widen(this.trail, (n) => new Int32Array(n))
    // Levels run from 0 to the number of variables.
    this.levelStamp = widen(this.levelStamp, (n) => new Int32Array(n + 1))
    this.heapIndex = widen(this.heapIndex, (n) => new Int32Array(n).fill(-1))
  }

  /** 1 true, -1 false, 0 unassigned. */
  private value(lit: number): number {
    const a = this.assign[lit >> 1]!
    return lit & 1 ? -a : a
  }

  /** The value of variable v in the last model found. */
  modelValue(v: number): boolean {
    return this.model[v] === 1
  }

  /** The phase tried first when branching on v (a known solution, typically). */
  setPhase(v: number, value: boolean) {
    this.phase[v] = value ? 1 : -1
    this.target[v] = 0
    this.targetLength = 0
  }

  /** Raises v's activity so that it is branched on early. */
  bump(v: number, amount: number) {
    this.activity[v]! += amount
    if (this.heapIndex[v]! >= 0) this.heapUp(this.heapIndex[v]!)
  }

  addClause(input: number[]): boolean {
    if (!this.ok) return false
    const lits: number[] = []
    for (const lit of [...new Set(input)].sort((x, y) => x - y)) {
      const v = this.value(lit)
      if (v === 1 || lits.includes(neg(lit))) return true
      if (v === 0) lits.push(lit)
    }
    if (lits.length === 0) return (this.ok = false)
    if (lits.length === 1) {
      this.enqueue(lits[0]!, NO_REASON)
      return (this.ok = this.propagate() === null)
    }
    this.attach(lits, -1)
    return true
  }

  /** At most k of `lits` true. Returns the constraint's number, for tightening later. */
  addAtMost(input: number[], k: number): number {
    const lits = Int32Array.from(new Set(input))
    const card = this.cardLits.length
    this.cardLits.push(lits)
    this.cardBound.push(k)
    const trueNow: number[] = []
    for (const lit of lits) {
      this.cardsOf[lit]!.push(card)
      if (this.value(lit) === 1) trueNow.push(lit)
    }
    this.cardTrue.push(trueNow.sort((x, y) => this.trailPos[x >> 1]! - this.trailPos[y >> 1]!))
    this.enforceAtMost(card)
    return card
  }

  /**
   * At most k of `lits` true, as clauses over a totalizer: a balanced tree
   * whose nodes count the true literals below them in unary, up to k + 1.
   * Conflicts can then be learnt on partial counts ("at least 3 of these
   * 20"), which is far stronger than the native constraint's explanations
   * (k literals each) where a tight count meets other constraints.
   */
  addAtMostTotalizer(lits: number[], k: number): boolean {
    if (k >= lits.length) return this.ok
    if (k === 0) {
      for (const lit of lits) this.addClause([neg(lit)])
      return this.ok
    }
    return this.addClause([neg(this.totalizer(lits, k + 1)[k]!)])
  }

  /**
   * Unary counts of `lits`: out[j − 1] is true whenever at least j of them
   * are (j up to `cap`), from a balanced tree of counters. Only that
   * direction is encoded, which is all an upper bound needs: assuming
   * ¬out[j] allows at most j.
   */
  totalizer(lits: number[], cap: number): number[] {
    return this.unaryTree(
      lits.map((lit) => [lit]),
      cap,
      false,
    )
  }

  /**
   * Exact unary counts: out[j − 1] is true exactly when at least j of the
   * inputs are. Each input is itself a unary count (a single literal is a
   * count of 0 or 1), so counts can be added up: the result is their sum.
   * Counts are kept to `cap` places; the backward clauses are sound only
   * where no count, at any node, can exceed its places in a solution (so
   * callers that cap must also forbid the total from reaching `cap`).
   */
  unarySum(counts: number[][], cap = Infinity): number[] {
    return this.unaryTree(counts, cap, true)
  }

  private unaryTree(leaves: number[][], cap: number, exact: boolean): number[] {
    const merge = (left: number[], right: number[]): number[] => {
      const out = Array.from({ length: Math.min(left.length + right.length, cap) }, () => posLit(this.newVar()))
      // out[j - 1]: at least j true below. a true on the left and b on the right make a + b.
      for (let a = 0; a <= left.length; a++) {
        for (let b = 0; b <= right.length; b++) {
          if (a + b > 0) {
            const clause = [out[Math.min(a + b, out.length) - 1]!]
            if (a > 0) clause.push(neg(left[a - 1]!))
            if (b > 0) clause.push(neg(right[b - 1]!))
            this.addClause(clause)
          }
          // And back: fewer than a + 1 on the left and fewer than b + 1 on the right make fewer than a + b + 1.
          if (exact && a + b < out.length) {
            const clause = [neg(out[a + b]!)]
            if (a < left.length) clause.push(left[a]!)
            if (b < right.length) clause.push(right[b]!)
            this.addClause(clause)
          }
        }
      }
      return out
    }
    const build = (from: number, to: number): number[] => {
      if (to - from === 1) return leaves[from]!
      const middle = (from + to) >> 1
      return merge(build(from, middle), build(middle, to))
    }
    return leaves.length === 0 ? [] : build(0, leaves.length)
  }

  /** Lowers the bound of an at-most-k constraint; learnt clauses stay valid. */
  tightenAtMost(card: number, k: number): boolean {
    if (k >= this.cardBound[card]!) return this.ok
    this.cardBound[card] = k
    this.enforceAtMost(card)
    return this.ok
  }

  private enforceAtMost(card: number) {
    if (!this.ok) return
    this.cancelUntil(0)
    const k = this.cardBound[card]!
    if (this.cardTrue[card]!.length > k) {
      this.ok = false
      return
    }
    if (this.cardTrue[card]!.length === k)
      for (const lit of this.cardLits[card]!) if (this.value(lit) === 0) this.enqueue(neg(lit), NO_REASON)
    this.ok = this.propagate() === null
  }

  /** Stores a clause of two or more literals, learnt with its literal block distance or given (lbd -1). */
  private attach(lits: ArrayLike<number>, lbd: number): number {
    const ref = this.arenaSize
    const end = ref + 2 + lits.length
    if (end > this.arena.length) {
      const wider = new Int32Array(Math.max(2 * this.arena.length, end))
      wider.set(this.arena.subarray(0, this.arenaSize))
      this.arena = wider
    }
    const arena = this.arena
    arena[ref] = lits.length
    arena[ref + 1] = lbd < 0 ? -1 : this.learntRef.length
    for (let k = 0; k < lits.length; k++) arena[ref + 2 + k] = lits[k]!
    this.arenaSize = end
    if (lbd >= 0) {
      this.learntRef.push(ref)
      this.learntLbd.push(lbd)
      this.learntActivity.push(0)
    }
    // A binary clause is watched under ~ref: the blocker is then its other literal, and the clause need not be read.
    const name = lits.length === 2 ? ~ref : ref
    this.watch(lits[0]!, name, lits[1]!)
    this.watch(lits[1]!, name, lits[0]!)
    return ref
  }

  private watch(lit: number, ref: number, blocker: number) {
    let ws = this.watches[lit]!
    const n = this.watchLength[lit]!
    if (n + 2 > ws.length) {
      const wider = new Int32Array(2 * ws.length)
      wider.set(ws)
      this.watches[lit] = ws = wider
    }
    ws[n] = ref
    ws[n + 1] = blocker
    this.watchLength[lit] = n + 2
  }

  private enqueue(lit: number, reason: number) {
    const v = lit >> 1
    this.assign[v] = lit & 1 ? -1 : 1
    this.level[v] = this.trailLim.length
    this.reason[v] = reason
    this.trailPos[v] = this.trailSize
    this.trail[this.trailSize++] = lit
    for (const card of this.cardsOf[lit]!) this.cardTrue[card]!.push(lit)
  }

  private cancelUntil(level: number) {
    if (this.trailLim.length <= level) return
    const start = this.trailLim[level]!
    for (let i = this.trailSize - 1; i >= start; i--) {
      const lit = this.trail[i]!
      const v = lit >> 1
      const cards = this.cardsOf[lit]!
      for (let c = 0; c < cards.length; c++) this.cardTrue[cards[c]!]!.pop()
      this.phase[v] = this.assign[v]!
      this.assign[v] = 0
      if (this.heapIndex[v]! < 0) this.heapInsert(v)
    }
    this.trailSize = start
    this.trailLim.length = level
    this.qhead = start
  }

  /** Returns the literals of a conflict (all false), or null. */
  private propagate(): number[] | Int32Array | null {
    const arena = this.arena
    while (this.qhead < this.trailSize) {
      const p = this.trail[this.qhead++]!
      const conflict = this.propagateCards(p)
      if (conflict) return conflict
      const f = neg(p)
      const ws = this.watches[f]!
      const assign = this.assign
      let i = 0
      let j = 0
      const n = this.watchLength[f]!
      while (i < n) {
        const ref = ws[i]!
        const blocker = ws[i + 1]!
        i += 2
        const blockerValue = blocker & 1 ? -assign[blocker >> 1]! : assign[blocker >> 1]!
        if (blockerValue === 1) {
          ws[j++] = ref
          ws[j++] = blocker
          continue
        }
        if (ref < 0) {
          const at = ~ref
          if (arena[at]! < 0) continue
          ws[j++] = ref
          ws[j++] = blocker
          // The implied literal goes first, where a reason is read from.
          arena[at + 2] = blocker
          arena[at + 3] = f
          if (blockerValue === -1) {
            this.stopPropagation(f, ws, i, j, n)
            return arena.subarray(at + 2, at + 4)
          }
          this.enqueue(blocker, at)
          continue
        }
        const size = arena[ref]!
        if (size < 0) continue
        const at = ref + 2
        if (arena[at] === f) {
          arena[at] = arena[at + 1]!
          arena[at + 1] = f
        }
        const first = arena[at]!
        const firstValue = first & 1 ? -assign[first >> 1]! : assign[first >> 1]!
        if (first !== blocker && firstValue === 1) {
          ws[j++] = ref
          ws[j++] = first
          continue
        }
        let moved = false
        for (let k = 2; k < size; k++) {
          const lit = arena[at + k]!
          if ((lit & 1 ? -assign[lit >> 1]! : assign[lit >> 1]!) !== -1) {
            arena[at + 1] = lit
            arena[at + k] = f
            this.watch(lit, ref, first)
            moved = true
            break
          }
        }
        if (moved) continue
        ws[j++] = ref
        ws[j++] = first
        if (firstValue === -1) {
          this.stopPropagation(f, ws, i, j, n)
          return arena.subarray(at, at + size)
        }
        this.enqueue(first, ref)
      }
      this.watchLength[f] = j
    }
    return null
  }

  /** At a conflict: keeps the watches of f not yet visited (from i on, after the j kept) and ends propagation. */
  private stopPropagation(f: number, ws: Int32Array, i: number, j: number, n: number) {
    while (i < n) ws[j++] = ws[i++]!
    this.watchLength[f] = j
    this.qhead = this.trailSize
  }

  private propagateCards(p: number): number[] | null {
    const cards = this.cardsOf[p]!
    for (let c = 0; c < cards.length; c++) {
      const card = cards[c]!
      const trueLits = this.cardTrue[card]!
      const count = trueLits.length
      const k = this.cardBound[card]!
      if (count > k) {
        this.qhead = this.trailSize
        return trueLits.slice(0, k + 1).map(neg)
      }
      if (count === k) {
        const lits = this.cardLits[card]!
        const assign = this.assign
        for (let l = 0; l < lits.length; l++) {
          const lit = lits[l]!
          if (assign[lit >> 1] === 0) this.enqueue(lit ^ 1, cardReason(card))
        }
      }
    }
    return null
  }

  /** The other literals of the reason of v's assignment (all false). */
  private reasonLits(v: number, out: number[]): void {
    out.length = 0
    const r = this.reason[v]!
    if (r >= 0) {
      const arena = this.arena
      const end = r + 2 + arena[r]!
      for (let k = r + 3; k < end; k++) out.push(arena[k]!)
      if (arena[r + 1]! >= 0) this.bumpClause(arena[r + 1]!)
      return
    }
    const card = -r - 2
    const pos = this.trailPos[v]!
    for (const lit of this.cardTrue[card]!) {
      if (this.trailPos[lit >> 1]! >= pos) break
      out.push(neg(lit))
    }
  }

  /** The assumptions that force `lit` false: walks the trail back from ¬lit to the assumed literals it rests on. */
  private analyzeFinal(lit: number): number[] {
    const core = [lit]
    const v0 = lit >> 1
    if (this.level[v0] === 0) return core
    this.seen[v0] = 1
    const buffer: number[] = []
    const start = this.trailLim[0] ?? this.trailSize
    for (let i = this.trailSize - 1; i >= start; i--) {
      const v = this.trail[i]! >> 1
      if (!this.seen[v]) continue
      this.seen[v] = 0
      if (this.reason[v] === NO_REASON) {
        core.push(this.trail[i]!)
        continue
      }
      this.reasonLits(v, buffer)
      for (const q of buffer) if (this.level[q >> 1]! > 0) this.seen[q >> 1] = 1
    }
    return core
  }

  private bumpClause(index: number) {
    const activity = this.learntActivity
    activity[index]! += this.claInc
    if (activity[index]! > 1e20) {
      for (let i = 0; i < activity.length; i++) activity[i]! *= 1e-20
      this.claInc *= 1e-20
    }
  }

  private analyze(conflict: number[] | Int32Array): { learnt: number[]; backtrack: number; lbd: number } {
    const learnt: number[] = [-1]
    const level = this.trailLim.length
    let pathCount = 0
    let p: number
    let index = this.trailSize - 1
    let lits: ArrayLike<number> = conflict
    const buffer: number[] = []
    for (;;) {
      for (let k = 0; k < lits.length; k++) {
        const q = lits[k]!
        const v = q >> 1
        if (this.seen[v] || this.level[v] === 0) continue
        this.bumpVar(v)
        this.seen[v] = 1
        if (this.level[v]! >= level) pathCount++
        else learnt.push(q)
      }
      while (!this.seen[this.trail[index]! >> 1]) index--
      p = this.trail[index]!
      index--
      this.seen[p >> 1] = 0
      pathCount--
      if (pathCount === 0) break
      this.reasonLits(p >> 1, buffer)
      lits = buffer
    }
    learnt[0] = neg(p)
    // Minimisation: drop a literal whose reason lies entirely inside the clause.
    const kept = [learnt[0]]
    this.stamp += 2
    for (let k = 1; k < learnt.length; k++) {
      const q = learnt[k]!
      if (this.reason[q >> 1] === NO_REASON || !this.redundant(q >> 1, 0)) kept.push(q)
    }
    for (let k = 1; k < learnt.length; k++) this.seen[learnt[k]! >> 1] = 0
    let backtrack = 0
    if (kept.length > 1) {
      let maxAt = 1
      for (let k = 2; k < kept.length; k++) if (this.level[kept[k]! >> 1]! > this.level[kept[maxAt]! >> 1]!) maxAt = k
      ;[kept[1], kept[maxAt]] = [kept[maxAt]!, kept[1]!]
      backtrack = this.level[kept[1]! >> 1]!
    }
    let lbd = 0
    for (const q of kept) {
      const l = this.level[q! >> 1]!
      if (this.levelStamp[l] !== this.conflicts) {
        this.levelStamp[l] = this.conflicts
        lbd++
      }
    }
    return { learnt: kept as number[], backtrack, lbd }
  }

  /** Whether v's assignment follows from literals already in the learnt clause (seen), depth-limited. */
  private redundant(v: number, depth: number): boolean {
    const mark = this.marks[v]!
    if (mark === this.stamp) return true
    if (mark === this.stamp + 1) return false
    if (depth > 24 || this.reason[v] === NO_REASON) return false
    const lits = (this.reasonBuffers[depth] ??= [])
    this.reasonLits(v, lits)
    let result = true
    for (const q of lits) {
      const u = q >> 1
      if (this.seen[u] || this.level[u] === 0) continue
      if (this.reason[u] === NO_REASON || !this.redundant(u, depth + 1)) {
        result = false
        break
      }
    }
    this.marks[v] = result ? this.stamp : this.stamp + 1
    return result
  }

  private bumpVar(v: number) {
    this.activity[v]! += this.varInc
    if (this.activity[v]! > 1e100) {
      for (let i = 0; i < this.vars; i++) this.activity[i]! *= 1e-100
      this.varInc *= 1e-100
    }
    if (this.heapIndex[v]! >= 0) this.heapUp(this.heapIndex[v]!)
  }

  private reduceLearnts() {
    const { arena, learntRef, learntLbd, learntActivity } = this
    const candidates: number[] = []
    for (let i = 0; i < learntRef.length; i++) {
      if (learntLbd[i]! <= 2) continue
      const ref = learntRef[i]!
      const first = arena[ref + 2]!
      if (this.reason[first >> 1] === ref && this.value(first) === 1) continue
      candidates.push(i)
    }
    candidates.sort((x, y) => learntLbd[y]! - learntLbd[x]! || learntActivity[x]! - learntActivity[y]!)
    for (const i of candidates.slice(0, candidates.length >> 1)) {
      const ref = learntRef[i]!
      this.wasted += 2 + arena[ref]!
      arena[ref] = -arena[ref]!
    }
    let kept = 0
    for (let i = 0; i < learntRef.length; i++) {
      const ref = learntRef[i]!
      if (arena[ref]! < 0) continue
      arena[ref + 1] = kept
      learntRef[kept] = ref
      learntLbd[kept] = learntLbd[i]!
      learntActivity[kept++] = learntActivity[i]!
    }
    learntRef.length = learntLbd.length = learntActivity.length = kept
    if (2 * this.wasted > this.arenaSize) this.compact()
  }

  /** Moves the live clauses together; each leaves its new place in its old header for the references to follow. */
  private compact() {
    const old = this.arena
    const arena = new Int32Array(Math.max(1 << 16, 2 * (this.arenaSize - this.wasted)))
    let size = 0
    for (let ref = 0; ref < this.arenaSize;) {
      const n = old[ref]!
      const length = 2 + Math.abs(n)
      if (n > 0) {
        arena.set(old.subarray(ref, ref + length), size)
        old[ref + 1] = size
        size += length
      }
      ref += length
    }
    const moved = (ref: number) => (old[ref]! > 0 ? old[ref + 1]! : -1)
    for (let lit = 0; lit < this.watches.length; lit++) {
      const ws = this.watches[lit]!
      const n = this.watchLength[lit]!
      let j = 0
      for (let i = 0; i < n; i += 2) {
        const name = ws[i]!
        const to = moved(name < 0 ? ~name : name)
        if (to < 0) continue
        ws[j++] = name < 0 ? ~to : to
        ws[j++] = ws[i + 1]!
      }
      this.watchLength[lit] = j
    }
    for (let i = 0; i < this.trailSize; i++) {
      const v = this.trail[i]! >> 1
      // Clauses that are reasons are never deleted, except at level 0, where reasons are never read.
      if (this.reason[v]! >= 0) this.reason[v] = Math.max(NO_REASON, moved(this.reason[v]!))
    }
    for (let i = 0; i < this.learntRef.length; i++) this.learntRef[i] = moved(this.learntRef[i]!)
    this.arena = arena
    this.arenaSize = size
    this.wasted = 0
    this.compactions++
  }

  /** Solves under `assumptions` (literals taken as the first decisions). */
  solve(budget: SatBudget = {}, assumptions: number[] = []): SatStatus {
    if (!this.ok) return 'unsat'
    const clock = budget.clock ?? (() => performance.now())
    const maxConflicts = budget.maxConflicts ?? Infinity
    const restartUnit = budget.restartUnit ?? 100
    const startConflicts = this.conflicts
    let restart = 0
    let nextReduce = this.conflicts + 2000
    for (;;) {
      if (restart % 16 === 15) this.targetLength = 0
      const limit = restartUnit * luby(restart++)
      let inRestart = 0
      for (;;) {
        const conflict = this.propagate()
        if (conflict) {
          this.conflicts++
          inRestart++
          if (this.trailLim.length === 0) {
            this.ok = false
            return 'unsat'
          }
          if (this.trailSize > this.targetLength) {
            // The longest conflict-free assignment so far: its values are the phases tried first.
            this.targetLength = this.trailSize
            this.target.fill(0)
            for (let i = 0; i < this.trailSize; i++) this.target[this.trail[i]! >> 1] = this.trail[i]! & 1 ? -1 : 1
          }
          const { learnt, backtrack, lbd } = this.analyze(conflict)
          this.cancelUntil(backtrack)
          if (learnt.length === 1) this.enqueue(learnt[0]!, NO_REASON)
          else this.enqueue(learnt[0]!, this.attach(learnt, lbd))
          this.varInc /= 0.95
          this.claInc /= 0.999
          if (this.conflicts - startConflicts >= maxConflicts) {
            this.cancelUntil(0)
            return 'unknown'
          }
          if ((this.conflicts & 63) === 0 && budget.deadline !== undefined && clock() >= budget.deadline) {
            this.cancelUntil(0)
            return 'unknown'
          }
          if (this.conflicts >= nextReduce) {
            this.reduceLearnts()
            nextReduce = this.conflicts + 2000 + 300 * Math.floor(this.conflicts / 2000)
          }
          if (inRestart >= limit) {
            this.cancelUntil(0)
            break
          }
          continue
        }
        let assumed = false
        while (this.trailLim.length < assumptions.length) {
          const lit = assumptions[this.trailLim.length]!
          const value = this.value(lit)
          if (value === -1) {
            this.failedAssumptions = this.analyzeFinal(lit)
            this.cancelUntil(0)
            return 'failed'
          }
          this.trailLim.push(this.trailSize)
          if (value === 0) {
            this.enqueue(lit, NO_REASON)
            assumed = true
            break
          }
        }
        if (assumed) continue
        const v = this.pickBranchVar()
        if (v < 0) {
          this.model = this.assign.slice(0, this.vars)
          this.cancelUntil(0)
          return 'sat'
        }
        this.decisions++
        this.trailLim.push(this.trailSize)
        const phase = this.target[v] || this.phase[v]
        this.enqueue(phase === 1 ? posLit(v) : negLit(v), NO_REASON)
      }
    }
  }

  private pickBranchVar(): number {
    while (this.heap.length > 0) {
      const v = this.heapPop()
      if (this.assign[v] === 0) return v
    }
    return -1
  }

  // Binary max-heap of unassigned variables by activity.
  private heapInsert(v: number) {
    this.heapIndex[v] = this.heap.length
    this.heap.push(v)
    this.heapUp(this.heap.length - 1)
  }

  private heapUp(i: number) {
    const heap = this.heap
    const v = heap[i]!
    const act = this.activity[v]!
    while (i > 0) {
      const parent = (i - 1) >> 1
      const u = heap[parent]!
      if (this.activity[u]! >= act) break
      heap[i] = u
      this.heapIndex[u] = i
      i = parent
    }
    heap[i] = v
    this.heapIndex[v] = i
  }

  private heapPop(): number {
    const heap = this.heap
    const top = heap[0]!
    const last = heap.pop()!
    this.heapIndex[top] = -1
    if (heap.length > 0) {
      let i = 0
      const act = this.activity[last]!
      for (;;) {
        const l = 2 * i + 1
        if (l >= heap.length) break
        const r = l + 1
        const child = r < heap.length && this.activity[heap[r]!]! > this.activity[heap[l]!]! ? r : l
        if (this.activity[heap[child]!]! <= act) break
        heap[i] = heap[child]!
        this.heapIndex[heap[i]!] = i
        i = child
      }
      heap[i] = last
      this.heapIndex[last] = i
    }
    return top
  }
}
