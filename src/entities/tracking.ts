/**
 * Tracking numbers recognised by their own structure:
 * - UPU S10 (`RR123456785SE`, PostNord, Bring, Poste Italiane, Posta Română): check digit verified;
 *   with a wrong check digit only after a tracking word.
 * - UPS `1Z` + 16 characters (check digit verified; otherwise still UPS, at lower precedence).
 * - DHL `JJD…`, `JVGL…`, `GM…` prefixes.
 * - GS1 SSCC `00` + 18 digits (PostNord, DHL Freight, DPD, GLS parcels) with a valid check digit.
 * Bare digit formats (DHL 10 digits, FAN Courier/Sameday/Cargus AWBs, GLS, DPD, Bring) need a
 * tracking word or carrier name before them; see `references.ts`.
 */
import { TIER, type Scan } from './candidates';
import { gs1CheckValid, s10CheckDigit, upsCheckValid } from './checksums';
import { isWordCode } from './text';

// S10 and prefixed codes are sticky: they are tried only just before a digit run, where they must start
const S10_RE = /(?<![\p{L}\p{N}])([A-Za-z]{2}) ?(\d{3}) ?(\d{3}) ?(\d{2})(\d) ?([A-Za-z]{2})(?![\p{L}\p{N}])/uy;
const UPS_RE = /(?<![\p{L}\p{N}])1[Zz][ ]?[A-Za-z0-9]/gu;
const PREFIXED_RE = /(?<![\p{L}\p{N}])(?:JJD\d{10,22}|JVGL\d{8,20}|GM\d{16,22})(?![\p{L}\p{N}])/iuy;
const SSCC_RE = /(?<![\p{L}\p{N}])(?:\(00\) ?)?00\d{18}(?![\p{L}\p{N}])/gu;

function sameCase(s: string): boolean {
  return s === s.toUpperCase() || s === s.toLowerCase();
}

function addS10(scan: Scan, m: RegExpExecArray): void {
  const prefix = m[1] as string;
  const suffix = m[6] as string;
  if (!sameCase(prefix + suffix)) return;
  const serial = `${m[2]}${m[3]}${m[4]}`;
  const normalized = `${prefix}${serial}${m[5]}${suffix}`.toUpperCase();
  if (s10CheckDigit(serial) === Number(m[5])) {
    scan.add('trackingNumbers', m.index, m.index + m[0].length, normalized, TIER.trackingChecked);
  } else if (scan.labelBefore(m.index) === 'tracking') {
    scan.add('trackingNumbers', m.index, m.index + m[0].length, normalized, TIER.trackingContext);
  }
}

export function scanStructuredTracking(scan: Scan, maxCluster: number): void {
  const text = scan.text;
  let m: RegExpExecArray | null;
  if (maxCluster >= 9) {
    // two letters, an optional space, then the first digit run; none starts before `from`
    let from = 0;
    for (const run of scan.runs) {
      for (let p = Math.max(from, run.start - 3); p <= run.start - 2; p++) {
        S10_RE.lastIndex = p;
        if (!(m = S10_RE.exec(text))) continue;
        from = p + m[0].length;
        addS10(scan, m);
        break;
      }
    }
  }
  if (text.includes('1Z') || text.includes('1z')) {
    UPS_RE.lastIndex = 0;
    while ((m = UPS_RE.exec(text))) {
      let i = m.index;
      let got = '';
      while (i < text.length && got.length < 18) {
        const c = text.charCodeAt(i);
        if (isWordCode(c) && c < 128) {
          got += text[i];
          i++;
        } else if (c === 32 && got.length >= 2 && i + 1 < text.length && isWordCode(text.charCodeAt(i + 1))) {
          i++;
        } else break;
      }
      if (got.length !== 18 || (i < text.length && isWordCode(text.charCodeAt(i)))) continue;
      const norm = got.toUpperCase();
      scan.add('trackingNumbers', m.index, i, norm, upsCheckValid(norm) ? TIER.trackingChecked : TIER.trackingContext);
      UPS_RE.lastIndex = i;
    }
  }
  if (maxCluster >= 8) {
    // "JJD", "JVGL" or "GM" right before a digit run
    let from = 0;
    for (const run of scan.runs) {
      const c = text.charCodeAt(run.start - 1) | 0x20;
      if (c !== 100 && c !== 108 && c !== 109) continue; // d, l, m
      for (let p = Math.max(from, run.start - 4); p <= run.start - 2; p++) {
        PREFIXED_RE.lastIndex = p;
        if (!(m = PREFIXED_RE.exec(text))) continue;
        from = p + m[0].length;
        scan.add('trackingNumbers', p, from, m[0].toUpperCase(), TIER.trackingContext);
        break;
      }
    }
  }
  if (maxCluster >= 20) {
    SSCC_RE.lastIndex = 0;
    while ((m = SSCC_RE.exec(text))) {
      const raw = m[0];
      const digits = raw.replace(/\D/g, '').slice(-20);
      if (gs1CheckValid(digits.slice(2)) || scan.labelBefore(m.index) === 'tracking') {
        scan.add('trackingNumbers', m.index, m.index + raw.length, digits, TIER.trackingContext);
      }
    }
  }
}
