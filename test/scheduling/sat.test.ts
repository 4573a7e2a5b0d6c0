import t, { type Test } from 'tap'
import { createRandom } from '../../server/scheduling/random.js'
import { negLit, posLit, SatSolver } from '../../server/scheduling/sat.js'

interface Formula {
  vars: number
  clauses: number[][]
  /** [literals, k]: at most k of them true. */
  atMost: [number[], number][]
}

const holds = (lit: number, values: boolean[]) => values[lit >> 1] === !(lit & 1)

function satisfies(f: Formula, values: boolean[]): boolean {
  return (
    f.clauses.every((c) => c.some((lit) => holds(lit, values))) &&
    f.atMost.every(([lits, k]) => lits.filter((lit) => holds(lit, values)).length <= k)
  )
}

function bruteForce(f: Formula): boolean {
  for (let bits = 0; bits < 1 << f.vars; bits++) {
    const values = [...Array(f.vars).keys()].map((v) => ((bits >> v) & 1) === 1)
    if (satisfies(f, values)) return true
  }
  return false
}

function randomFormula(seed: number): Formula {
  const random = createRandom(seed)
  const int = (n: number) => Math.floor(random() * n)
  const vars = 4 + int(9)
  const lit = () => (int(vars) << 1) | int(2)
  const clauses = [...Array(Math.round(vars * (1.5 + random() * 3.5))).keys()].map(() =>
    [...Array(2 + int(3)).keys()].map(lit),
  )
  const atMost = [...Array(int(4)).keys()].map((): [number[], number] => {
    const lits = [...new Set([...Array(2 + int(6)).keys()].map(lit))]
    return [lits, int(lits.length)]
  })
  return { vars, clauses, atMost }
}

function load(f: Formula, counting: 'native' | 'totalizer' = 'native'): SatSolver {
  const solver = new SatSolver()
  for (let v = 0; v < f.vars; v++) solver.newVar()
  for (const c of f.clauses) solver.addClause(c)
  for (const [lits, k] of f.atMost) {
    if (counting === 'totalizer') solver.addAtMostTotalizer(lits, k)
    else solver.addAtMost(lits, k)
  }
  return solver
}

/** Solves 600 random formulas, each answer against exhaustive search and each model against the formula. */
function agreesWithExhaustiveSearch(t: Test, counting: 'native' | 'totalizer', restartUnit?: number) {
  let sat = 0
  let unsat = 0
  for (let seed = 1; seed <= 600; seed++) {
    const f = randomFormula(seed)
    const solver = load(f, counting)
    const status = solver.solve({ restartUnit })
    const expected = bruteForce(f)
    if (status !== (expected ? 'sat' : 'unsat'))
      t.fail(`seed ${seed}: ${status}, exhaustive search says ${expected ? 'sat' : 'unsat'}`)
    if (status === 'sat') {
      sat++
      const values = [...Array(f.vars).keys()].map((v) => solver.modelValue(v))
      if (!satisfies(f, values)) t.fail(`seed ${seed}: the model breaks the formula`)
    } else unsat++
  }
  t.ok(sat > 100 && unsat > 100, `${sat} satisfiable and ${unsat} unsatisfiable formulas`)
}

t.test(
  'on random formulas with clauses and at-most-k constraints, the answer agrees with exhaustive search and every model satisfies the formula',
  async (t) => {
    agreesWithExhaustiveSearch(t, 'native')
  },
)

t.test(
  'at-most-k as a totalizer, with rare restarts: on the same formulas, the same answers, and models that keep every count',
  async (t) => {
    agreesWithExhaustiveSearch(t, 'totalizer', 1000)
  },
)

t.test('pigeonhole: n + 1 pigeons do not fit n holes, n do', async (t) => {
  for (const [pigeons, holes] of [
    [7, 6],
    [6, 6],
  ] as const) {
    const solver = new SatSolver()
    const at = [...Array(pigeons).keys()].map(() => [...Array(holes).keys()].map(() => solver.newVar()))
    for (const row of at) solver.addClause(row.map(posLit))
    for (let h = 0; h < holes; h++)
      solver.addAtMost(
        at.map((row) => posLit(row[h]!)),
        1,
      )
    t.equal(solver.solve(), pigeons > holes ? 'unsat' : 'sat', `${pigeons} pigeons, ${holes} holes`)
  }
})

t.test('long searches delete learnt clauses and compact the clause store, and the answers stay right', async (t) => {
  // Pigeonhole with pairwise clauses (no native constraint): thousands of conflicts, provably no solution.
  const pigeons = new SatSolver()
  const at = [...Array(8).keys()].map(() => [...Array(7).keys()].map(() => pigeons.newVar()))
  for (const row of at) pigeons.addClause(row.map(posLit))
  for (let h = 0; h < 7; h++)
    for (let i = 0; i < 8; i++)
      for (let j = i + 1; j < 8; j++) pigeons.addClause([negLit(at[i]![h]!), negLit(at[j]![h]!)])
  t.equal(pigeons.solve(), 'unsat')
  t.ok(pigeons.compactions > 0, `compacted ${pigeons.compactions} times in ${pigeons.conflicts} conflicts`)
  // Random 3-SAT at the threshold: every model found after compacting must satisfy every clause.
  let checked = 0
  for (let seed = 1; seed <= 8; seed++) {
    const random = createRandom(seed)
    const n = 260
    const clauses = [...Array(Math.round(4.26 * n)).keys()].map(() =>
      [0, 1, 2].map(() => (Math.floor(random() * n) << 1) | (random() < 0.5 ? 0 : 1)),
    )
    const solver = new SatSolver()
    for (let v = 0; v < n; v++) solver.newVar()
    for (const c of clauses) solver.addClause(c)
    if (solver.solve({ maxConflicts: 20_000 }) !== 'sat' || solver.compactions === 0) continue
    checked++
    t.ok(
      clauses.every((c) => c.some((lit) => solver.modelValue(lit >> 1) === !(lit & 1))),
      `seed ${seed}: the model satisfies every clause`,
    )
  }
  t.ok(checked >= 3, `${checked} models found after compacting`)
})

t.test(
  'assumptions: a failed assumption leaves the formula satisfiable; a tightened bound keeps what was learnt valid',
  async (t) => {
    const solver = new SatSolver()
    const v = [...Array(6).keys()].map(() => solver.newVar())
    const card = solver.addAtMost(v.map(posLit), 4)
    solver.addClause([posLit(v[0]!), posLit(v[1]!)])
    solver.addClause([negLit(v[0]!), posLit(v[2]!)])
    t.equal(solver.solve({}, [posLit(v[0]!), negLit(v[2]!)]), 'failed', 'v0 forces v2')
    t.equal(solver.solve({}, [posLit(v[3]!), posLit(v[4]!), posLit(v[5]!)]), 'sat')
    t.ok(
      solver.modelValue(v[3]!) && solver.modelValue(v[4]!) && solver.modelValue(v[5]!),
      'the assumptions hold in the model',
    )
    t.equal([0, 1, 2, 3, 4, 5].filter((k) => solver.modelValue(v[k]!)).length <= 4, true, 'at most 4 true')
    t.equal(
      solver.solve({}, [posLit(v[3]!), posLit(v[4]!), posLit(v[5]!), negLit(v[2]!)]),
      'sat',
      'v1 alone covers the first clause',
    )
    t.equal(solver.modelValue(v[0]!), false)
    t.ok(solver.tightenAtMost(card, 1))
    t.equal(solver.solve({}, [posLit(v[3]!)]), 'failed', 'v3 and one of v0, v1 would be two')
    t.equal(solver.solve(), 'sat')
    t.same(
      [solver.modelValue(v[0]!), solver.modelValue(v[1]!)],
      [false, true],
      'only v1 fits: v0 would need v2 as well',
    )
    t.notOk(
      solver.tightenAtMost(card, 0) && solver.solve() !== 'unsat',
      'no variable true contradicts the first clause',
    )
  },
)

t.test(
  'under assumptions, a failed answer names a subset of them that exhaustive search confirms cannot hold together',
  async (t) => {
    let failed = 0
    let smaller = 0
    for (let seed = 1; seed <= 600; seed++) {
      const f = randomFormula(seed)
      if (!bruteForce(f)) continue
      const random = createRandom(seed + 10_000)
      const assumed = [
        ...new Set(
          [...Array(1 + Math.floor(random() * f.vars)).keys()].map(
            () => (Math.floor(random() * f.vars) << 1) | Math.floor(random() * 2),
          ),
        ),
      ]
      for (const counting of ['native', 'totalizer'] as const) {
        const solver = load(f, counting)
        const status = solver.solve({}, assumed)
        const expected = bruteForce({ ...f, clauses: [...f.clauses, ...assumed.map((lit) => [lit])] })
        if (status !== (expected ? 'sat' : 'failed'))
          t.fail(`seed ${seed}, ${counting}: ${status}, exhaustive search says ${expected ? 'sat' : 'failed'}`)
        if (status !== 'failed') continue
        const core = solver.failedAssumptions
        if (core.some((lit) => !assumed.includes(lit)))
          t.fail(`seed ${seed}, ${counting}: the core names a literal that was not assumed`)
        if (bruteForce({ ...f, clauses: [...f.clauses, ...core.map((lit) => [lit])] }))
          t.fail(`seed ${seed}, ${counting}: the core ${core} can hold together`)
        failed++
        if (core.length < assumed.length) smaller++
      }
    }
    t.ok(failed > 100, `${failed} failed answers checked`)
    t.ok(smaller > 50, `${smaller} cores smaller than the assumptions`)
  },
)

t.test(
  'exact unary counts, nested: for every assignment of up to 7 inputs, each output is true exactly when that many inputs are',
  async (t) => {
    let checked = 0
    for (let n = 1; n <= 7; n++) {
      const solver = new SatSolver()
      const inputs = [...Array(n).keys()].map(() => posLit(solver.newVar()))
      const flat = solver.unarySum(inputs.map((lit) => [lit]))
      // The same inputs counted in two groups, the groups' counts then added up.
      const middle = n >> 1
      const groups = [inputs.slice(0, middle), inputs.slice(middle)]
        .filter((g) => g.length > 0)
        .map((g) => solver.unarySum(g.map((lit) => [lit])))
      const nested = solver.unarySum(groups)
      t.equal(flat.length, n)
      t.equal(nested.length, n)
      for (let bits = 0; bits < 1 << n; bits++) {
        const assumed = inputs.map((lit, k) => ((bits >> k) & 1 ? lit : lit ^ 1))
        if (solver.solve({}, assumed) !== 'sat') t.fail(`${n} inputs, ${bits}: no model`)
        const count = assumed.filter((lit) => !(lit & 1)).length
        for (const out of [flat, nested]) {
          const shown = out.map((lit) => solver.modelValue(lit >> 1))
          if (shown.some((on, j) => on !== j < count))
            t.fail(`${n} inputs, ${count} true: the counts read ${shown.map(Number).join('')}`)
          // Neither direction may be left open: one more, or one fewer, must be refused.
          if (count < n && solver.solve({}, [...assumed, out[count]!]) !== 'failed')
            t.fail(`${n} inputs, ${count} true: ${count + 1} allowed`)
          if (count > 0 && solver.solve({}, [...assumed, out[count - 1]! ^ 1]) !== 'failed')
            t.fail(`${n} inputs, ${count} true: ${count - 1} allowed`)
        }
        checked++
      }
    }
    t.equal(checked, 254)
  },
)

t.test(
  'the conflict budget stops a hard search with "unknown", and the same formula gives the same answer every time',
  async (t) => {
    const build = () => {
      const solver = new SatSolver()
      const at = [...Array(11).keys()].map(() => [...Array(10).keys()].map(() => solver.newVar()))
      for (const row of at) solver.addClause(row.map(posLit))
      for (let h = 0; h < 10; h++)
        solver.addAtMost(
          at.map((row) => posLit(row[h]!)),
          1,
        )
      return solver
    }
    const first = build()
    t.equal(first.solve({ maxConflicts: 50 }), 'unknown')
    t.equal(first.conflicts, 50)
    const runs = [build(), build()].map((s) => (s.solve({ maxConflicts: 300 }), s.conflicts))
    t.same(runs, [300, 300])
  },
)
