// Generates golden review streams and the states ts-fsrs gives for them.
//
//   node generate.mjs --ts-fsrs DIR --seed N --out DIR [--cards N]
//
// DIR for --ts-fsrs is a directory whose node_modules holds ts-fsrs (generate.sh and compare.sh
// install 5.4.2 into a temporary one). For every case in CASES it writes <case>.in.jsonl (review
// events, cards interleaved) and <case>.out.jsonl (ts-fsrs's card state after each event), and
// cases.json lists each case with the `citecard fsrs replay` flags that select the same settings.
// The review times are chosen from each card's due date so that every state and step edge case is
// reached: answers exactly on time, a little late, far too early (the same second, the same day),
// far too late (years), and just across UTC midnight, where the elapsed day count jumps.
import { createRequire } from 'node:module'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

function parseArgs(argv) {
  const args = { seed: 1, cards: 80, out: null, tsFsrs: null }
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]]
    if (key === '--seed') args.seed = Number(value)
    else if (key === '--cards') args.cards = Number(value)
    else if (key === '--out') args.out = value
    else if (key === '--ts-fsrs') args.tsFsrs = value
    else throw new Error(`unknown argument ${key}`)
  }
  if (!args.out || !args.tsFsrs) throw new Error('--out and --ts-fsrs are required')
  return args
}

// mulberry32: small, seedable, the same sequence on every machine.
function makeRandom(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (pairs) => {
      const total = pairs.reduce((sum, [w]) => sum + w, 0)
      let x = next() * total
      for (const [w, value] of pairs) {
        if ((x -= w) < 0) return value
      }
      return pairs[pairs.length - 1][1]
    },
  }
}

// Weights near the defaults, some pushed out of their trained ranges so clamping is exercised.
function randomWeights(random, defaults) {
  const w = defaults.map((x) => +(x * (0.6 + 0.8 * random.next())).toFixed(4))
  w[4] = +(1 + 9 * random.next()).toFixed(4)
  w[7] = +(0.3 * random.next()).toFixed(4)
  w[17] = +(0.3 + 2.2 * random.next()).toFixed(4) // may exceed the short-term ceiling
  w[18] = +(0.05 + 1.5 * random.next()).toFixed(4)
  w[19] = +(0.3 * random.next()).toFixed(4)
  w[20] = +(0.05 + 0.8 * random.next()).toFixed(4) // may fall outside [0.1, 0.8]
  return w
}

function cases(random, defaults) {
  const custom = randomWeights(random, defaults)
  const custom2 = randomWeights(random, defaults)
  return [
    { name: 'defaults', settings: {} },
    {
      name: 'custom_weights',
      settings: { w: custom, retention: 0.85, maxInterval: 365, relearning: ['10m', '30m', '2h'] },
    },
    { name: 'long_term', settings: { shortTerm: false } },
    {
      name: 'long_term_custom',
      settings: { shortTerm: false, w: custom2, retention: 0.95, maxInterval: 1000 },
    },
    { name: 'day_steps', settings: { learning: ['1m', '10m', '1d'], relearning: ['10m', '1h'] } },
    { name: 'no_steps', settings: { learning: [], relearning: [] } },
    {
      name: 'single_steps',
      settings: { learning: ['5m'], relearning: ['1d'], retention: 0.97, maxInterval: 100 },
    },
    {
      name: 'long_steps',
      settings: { learning: ['2h', '1d', '3d'], relearning: ['0m', '30m'], retention: 0.8 },
    },
  ]
}

function replayFlags(s) {
  const flags = []
  if (s.w) flags.push('--params', s.w.join(','))
  if (s.retention !== undefined) flags.push('--retention', String(s.retention))
  const steps = (list) => (list.length ? list.join(',') : 'none')
  if (s.learning) flags.push('--learning-steps', steps(s.learning))
  if (s.relearning) flags.push('--relearning-steps', steps(s.relearning))
  if (s.maxInterval !== undefined) flags.push('--max-interval', String(s.maxInterval))
  if (s.shortTerm === false) flags.push('--short-term', 'off')
  return flags
}

function tsFsrsParameters(ts, s) {
  const p = { enable_fuzz: false }
  if (s.w) p.w = s.w
  if (s.retention !== undefined) p.request_retention = s.retention
  if (s.learning) p.learning_steps = s.learning
  if (s.relearning) p.relearning_steps = s.relearning
  if (s.maxInterval !== undefined) p.maximum_interval = s.maxInterval
  if (s.shortTerm === false) p.enable_short_term = false
  return ts.generatorParameters(p)
}

const DAY = 86400

function iso(seconds) {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
}

// When the learner answers next, relative to the card's state.
function nextReviewTime(random, last, due) {
  const wait = Math.max(due - last, 0)
  const kind = random.weighted([
    [30, 'on_time'],
    [14, 'a_bit_late'],
    [10, 'early'],
    [5, 'same_second'],
    [6, 'same_day'],
    [8, 'far_late'],
    [3, 'years_late'],
    [10, 'across_midnight'],
    [14, 'anywhere'],
  ])
  switch (kind) {
    case 'on_time':
      return due
    case 'a_bit_late':
      return due + random.int(1, 6 * 3600)
    case 'early':
      return last + Math.floor(wait * random.next() * 0.5)
    case 'same_second':
      return last
    case 'same_day': {
      const endOfDay = Math.floor(last / DAY) * DAY + DAY - 1
      return random.int(last, endOfDay)
    }
    case 'far_late':
      return due + Math.floor(wait * random.int(2, 20)) + random.int(0, DAY)
    case 'years_late':
      return due + random.int(1, 12) * 365 * DAY + random.int(0, DAY)
    case 'across_midnight': {
      // Just past the next UTC midnight: one second later may already be "a day later".
      const midnight = Math.floor(Math.max(last, due - 120) / DAY) * DAY + DAY
      return Math.max(last, midnight + random.int(0, 90) - (random.next() < 0.3 ? 120 : 0))
    }
    default:
      return random.int(last, last + Math.max(2 * wait, 600))
  }
}

function cardHistory(ts, f, random, id) {
  // Start anywhere in 2024, sometimes a few seconds before midnight.
  let now = Date.UTC(2024, 0, 1) / 1000 + random.int(0, 365) * DAY
  now += random.next() < 0.2 ? DAY - random.int(1, 30) : random.int(0, DAY - 1)
  let card = ts.createEmptyCard(new Date(now * 1000))
  const bias = random.pick(['balanced', 'forgetful', 'confident', 'stuck'])
  const ratings = {
    balanced: [[20, 1], [15, 2], [50, 3], [15, 4]],
    forgetful: [[50, 1], [25, 2], [20, 3], [5, 4]],
    confident: [[5, 1], [10, 2], [45, 3], [40, 4]],
    stuck: [[35, 1], [45, 2], [15, 3], [5, 4]],
  }[bias]
  const events = []
  const count = random.int(4, 22)
  for (let i = 0; i < count; ++i) {
    if (i > 0) {
      const last = card.last_review.getTime() / 1000
      now = Math.max(last, nextReviewTime(random, last, card.due.getTime() / 1000))
    }
    const rating = random.weighted(ratings)
    card = f.next(card, new Date(now * 1000), rating).card
    events.push({
      t: now,
      input: { card: id, t: iso(now), rating },
      output: {
        card: id,
        state: ts.State[card.state].toLowerCase(),
        stability: card.stability,
        difficulty: card.difficulty,
        scheduled_days: card.scheduled_days,
        due: iso(card.due.getTime() / 1000),
        learning_steps: card.learning_steps,
      },
    })
  }
  return events
}

function main() {
  const args = parseArgs(process.argv.slice(2))
  const require = createRequire(join(resolve(args.tsFsrs), 'package.json'))
  const ts = require('ts-fsrs')
  const random = makeRandom(args.seed)
  mkdirSync(args.out, { recursive: true })
  const manifest = { generator: 'tests/schedule/golden/generate.mjs', ts_fsrs: ts.FSRSVersion,
                     seed: args.seed, cases: [] }
  for (const c of cases(random, [...ts.default_w])) {
    const f = ts.fsrs(tsFsrsParameters(ts, c.settings))
    const all = []
    for (let i = 0; i < args.cards; ++i) {
      const id = `${c.name}-${String(i).padStart(3, '0')}`
      cardHistory(ts, f, random, id).forEach((e, seq) => all.push({ ...e, order: i, seq }))
    }
    // Interleave the cards by time; a card's own answers keep their order.
    all.sort((a, b) => a.t - b.t || a.order - b.order || a.seq - b.seq)
    const lines = (key) => all.map((e) => JSON.stringify(e[key])).join('\n') + '\n'
    writeFileSync(join(args.out, `${c.name}.in.jsonl`), lines('input'))
    writeFileSync(join(args.out, `${c.name}.out.jsonl`), lines('output'))
    manifest.cases.push({ name: c.name, args: replayFlags(c.settings), events: all.length,
                          cards: args.cards })
  }
  writeFileSync(join(args.out, 'cases.json'), JSON.stringify(manifest, null, 2) + '\n')
  const events = manifest.cases.reduce((n, c) => n + c.events, 0)
  console.error(`${manifest.cases.length} cases, ${events} events, ` +
                `${args.cards * manifest.cases.length} cards -> ${args.out}`)
}

main()
