// Table rows for one log size from optimize_run.sh's JSON files.
import { readFileSync } from 'node:fs'

const [dir, n] = process.argv.slice(2)
const read = (side, kind) => JSON.parse(readFileSync(`${dir}/${side}_${n}${kind ? `.${kind}` : ''}.json`, 'utf8'))
const fit = { c: read('citecard'), r: read('fsrs_rs') }
// Each weight set is scored by fsrs-rs's evaluator (the figures shown) and by citecard's (checked
// to agree).
const ref = { c: read('citecard', 'by_fsrs_rs'), r: read('fsrs_rs', 'by_fsrs_rs') }
const ours = { c: read('citecard', 'by_citecard'), r: read('fsrs_rs', 'by_citecard') }
// The binding's evaluate() filters and reorders the items first; citecard's evaluator is checked
// on the same list (as_binding). The figures shown are the binding's, for both weight sets.
const gap = Math.max(...['c', 'r'].flatMap((s) => ['log_loss', 'rmse_bins'].map((m) => Math.abs(ref[s][m] - ours[s].as_binding[m]))))
const size = n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`
const label = `FSRS optimizer, ${size} reviews (${fit.c.items} items)`
const row = (what, c, r, ratio, target) => console.log(`| ${label}: ${what} | ${c} | ${r} | ${ratio} | ${target} |`)
row('log loss', ref.c.log_loss.toFixed(5), `fsrs-rs 6.5.0: ${ref.r.log_loss.toFixed(5)}`, `${(ref.c.log_loss / ref.r.log_loss).toFixed(4)}×`, '≤ 1.005×')
row('RMSE(bins)', ref.c.rmse_bins.toFixed(5), `fsrs-rs 6.5.0: ${ref.r.rmse_bins.toFixed(5)}`, `${(ref.c.rmse_bins / ref.r.rmse_bins).toFixed(3)}×`, '—')
row('wall time', `${fit.c.seconds.toFixed(2)} s`, `fsrs-rs 6.5.0: ${fit.r.seconds.toFixed(2)} s`, `${(fit.c.seconds / fit.r.seconds).toFixed(3)}× (${(fit.r.seconds / fit.c.seconds).toFixed(1)}× faster)`, n >= 1e5 ? '≤ 0.333×' : '—')
row('peak memory', `${fit.c.peak_mb.toFixed(0)} MB`, `fsrs-rs 6.5.0: ${fit.r.peak_mb.toFixed(0)} MB (node included)`, `${(fit.c.peak_mb / fit.r.peak_mb).toFixed(2)}×`, '—')
row('evaluators agree', `max gap ${gap.toExponential(1)}`, 'citecard vs fsrs-rs evaluate(), both weight sets, both metrics', gap <= 1e-4 ? 'yes' : 'NO', '≤ 1e-4')
