// fsrs-rs's side of the optimizer benchmark, through @open-spaced-repetition/binding 0.5.0.
//   node fsrs_rs_optimize.mjs --binding DIR fit LOG.csv             -> {"parameters":[...],"seconds":S,"peak_mb":M,"items":N}
//   node fsrs_rs_optimize.mjs --binding DIR evaluate LOG.csv W.json -> {"log_loss":L,"rmse_bins":R}
// The log is converted with the binding's own convertCsvToFsrsItems (day starts 04:00 UTC), so
// fsrs-rs sees its own conversion of the same file citecard reads.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const [flag, dir, mode, log, weights] = process.argv.slice(2)
if (flag !== '--binding') throw new Error('usage: --binding DIR fit|evaluate LOG.csv [W.json]')
const fsrs = createRequire(join(resolve(dir), 'package.json'))('@open-spaced-repetition/binding')

const begin = process.hrtime.bigint()
const items = fsrs.convertCsvToFsrsItems(readFileSync(log), 4, 'UTC', () => 0)
if (mode === 'fit') {
  // timeout: how often the binding polls training progress; its default (500 ms) delays the
  // result by up to that much, which would count against fsrs-rs.
  const parameters = await fsrs.computeParameters(items, { enableShortTerm: true, timeout: 10 })
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9
  const peak_mb = process.resourceUsage().maxRSS / 1024
  console.log(JSON.stringify({ parameters, items: items.length, seconds, peak_mb }))
} else if (mode === 'evaluate') {
  const w = JSON.parse(readFileSync(weights, 'utf8'))
  const e = new fsrs.FSRSBinding(w).evaluate(items)
  console.log(JSON.stringify({ log_loss: e.logLoss, rmse_bins: e.rmseBins }))
} else {
  throw new Error(`unknown mode ${mode}`)
}
