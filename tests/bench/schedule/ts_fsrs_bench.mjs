// ts-fsrs next-state throughput on the review stream fsrs_bench writes; prints states per second.
//   node ts_fsrs_bench.mjs --ts-fsrs DIR --events FILE
// The events are parsed and their Dates built before timing, as fsrs_bench does.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, x, i, all) => (i % 2 ? pairs : [...pairs, [x, all[i + 1]]]), []))
const ts = createRequire(join(resolve(args['--ts-fsrs']), 'package.json'))('ts-fsrs')
const events = readFileSync(args['--events'], 'utf8').trim().split('\n').map((line) => {
  const [card, time, rating] = line.split('\t').map(Number)
  return { card, date: new Date(time * 1000), rating }
})
const cards = Math.max(...events.map((e) => e.card)) + 1
const f = ts.fsrs({ enable_fuzz: false })

let best = 0
let total = 0
let checksum = 0
for (let pass = 0; pass < 4 || total < 2.0; ++pass) {
  const state = new Array(cards).fill(null)
  const begin = process.hrtime.bigint()
  for (const e of events) {
    const card = state[e.card] ?? ts.createEmptyCard(e.date)
    state[e.card] = f.next(card, e.date, e.rating).card
  }
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9
  if (pass > 0) best = Math.max(best, events.length / seconds) // pass 0 warms the JIT up
  total += seconds
  checksum = state.reduce((sum, c) => sum + (c ? c.stability : 0), 0)
}
console.error(`checksum ${checksum.toFixed(6)}`)
console.log(Math.round(best))
