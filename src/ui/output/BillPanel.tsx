/**
 * The bill of the learner's world against Lambda's monthly free tier (1M requests, 400,000 GB-s), with
 * the cost beyond it at the facts' us-east-1 prices. Modeled: durations are modeled, and the whole run
 * counts as one month of one account.
 */
import type { BillView } from '../../controller/console/consoleKit';
import { formatUsd } from '../../viz/common/format';
import { useWorldRead } from '../resources/labLink';
import { NotReady } from '../resources/ResourcePicker';
import '../resources/shared.css';
import './output.css';

const n = (v: number, digits = 0) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function Allowance({
  label,
  used,
  free,
  unit,
  digits,
  costUsd,
  price,
  testId,
}: {
  label: string;
  used: number;
  free: number;
  unit: string;
  digits: number;
  costUsd: number;
  price: string;
  testId: string;
}) {
  const share = Math.min(1, used / free);
  return (
    <div className="bill-row" data-testid={testId} data-used={used}>
      <div className="bill-label">
        <strong>{label}</strong>{' '}
        <span>
          {n(used, digits)} of {n(free)} {unit} free ({(share * 100).toFixed(share < 0.01 ? 4 : 1)}%)
        </span>
      </div>
      <meter
        className="bill-meter"
        min={0}
        max={free}
        value={Math.min(used, free)}
        aria-label={`${label} used of the free tier`}
        aria-valuetext={`${n(used, digits)} of ${n(free)} ${unit}`}
      />
      <div className="muted">
        Beyond the free tier: {formatUsd(costUsd)} at {price}
      </div>
    </div>
  );
}

export function BillPanel() {
  const data = useWorldRead((kit, live) => kit.billView(live.lab));
  if ('missing' in data) return <NotReady why={data.missing} />;
  const b: BillView = data.value;
  const listUsd = b.byFunction.reduce((s, f) => s + f.listUsd, 0);
  const other = b.bill.provisionedCostUsd + b.bill.ephemeralStorageCostUsd;
  return (
    <div className="output-view bill-panel" data-testid="bill">
      <p className="muted">
        <strong>Modeled</strong>: billed durations come from modeled run times, and this whole session counts
        as one month of one account. Prices are us-east-1, x86 (Arm {b.prices.perGbSecondArmUsd} USD per
        GB-s).
      </p>
      <Allowance
        label="Requests"
        used={b.requests.used}
        free={b.requests.free}
        unit="requests"
        digits={0}
        costUsd={b.bill.requestCostUsd}
        price={`$${b.prices.perMillionRequestsUsd.toFixed(2)} per million`}
        testId="bill.requests"
      />
      <Allowance
        label="Compute"
        used={b.gbSeconds.used}
        free={b.gbSeconds.free}
        unit="GB-seconds"
        digits={3}
        costUsd={b.bill.computeCostUsd}
        price={`$${b.prices.perGbSecondX86Usd} per GB-second`}
        testId="bill.gbs"
      />
      {other > 0 ? (
        <p className="muted">
          Provisioned concurrency and extra ephemeral storage: {formatUsd(other)} (approximate: these prices
          are unconfirmed).
        </p>
      ) : null}
      {b.bill.snapStartCostUsd > 0 ? (
        <p className="muted" data-testid="bill.snapstart">
          SnapStart snapshot caching (at least 3 hours per version) and restores:{' '}
          {formatUsd(b.bill.snapStartCostUsd)} (modeled: these prices are unconfirmed).
        </p>
      ) : null}
      <p className="bill-total">
        Total beyond the free tier:{' '}
        <strong data-testid="bill.total" data-usd={b.bill.totalUsd}>
          {formatUsd(b.bill.totalUsd)}
        </strong>{' '}
        <span className="muted">
          (modeled{b.bill.approximate ? ', approximate' : ''}; {formatUsd(listUsd)} without the free tier)
        </span>
      </p>
      {b.byFunction.length > 0 ? (
        <table className="res-table" data-testid="bill.functions">
          <caption className="visually-hidden">Charges by function, before the free tier</caption>
          <thead>
            <tr>
              <th scope="col">Function</th>
              <th scope="col">Requests</th>
              <th scope="col">GB-seconds</th>
              <th scope="col">List price</th>
            </tr>
          </thead>
          <tbody>
            {b.byFunction.map((f) => (
              <tr key={f.functionName}>
                <th scope="row">{f.functionName}</th>
                <td>{n(f.requests)}</td>
                <td>{n(f.gbSeconds, 3)}</td>
                <td>{formatUsd(f.listUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Nothing billed yet: every invocation adds a request and its GB-seconds.</p>
      )}
    </div>
  );
}

export default BillPanel;
