/**
 * One subject's derivations as readable text, each value with the source rows (file:line) it came
 * from: what a statistician checks when a number looks odd. Pure: derivations in, text out. In a
 * blinded run the arm is never printed (the records carry no arm then).
 */
import type { SourceRef } from '../lock/types.js';
import type { PrimaryDerivations } from '../derive/primary.js';
import { doseOnDay } from '../derive/steroid-profile.js';
import type { FlareDerivations } from '../derive/flares.js';

const refs = (src: Iterable<SourceRef | null>): string => {
  const byFile = new Map<string, number[]>();
  for (const s of src) if (s) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s.line]);
  return [...byFile].map(([f, lines]) => `${f}:${compactLines(lines)}`).join(' ');
};

/** 12,13,14,20 → "12-14,20". */
function compactLines(lines: number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

const show = (v: number | string | null | undefined): string => (v === null || v === undefined ? '.' : String(v));

export function explainSubject(d: PrimaryDerivations, usubjid: string, flares?: FlareDerivations): string | null {
  const s = d.adsl.find((r) => r.USUBJID === usubjid);
  if (!s) return null;
  const out: string[] = [];
  const line = (t = '') => out.push(t);

  line(`Subject ${s.USUBJID} (site ${s.SITEID}), ${s.AGE} ${s.AGEU.toLowerCase()}, sex ${s.SEX}`);
  line(
    `  Populations: ENR ${s.ENRFL}, FAS ${s.FASFL}, SAF ${s.SAFFL}; infusion (Day 0) ${show(s.TRTSDT)}, last date ${show(s.RFENDTC)}`,
  );
  if (!d.blinded) line(`  Randomized arm ${show(s.ARMCD)} (${show(s.ARM)}); infused arm ${show(s.ACTARMCD)}`);
  else line('  Arm: blinded (no randomization file given)');
  line(
    `  Stratum from screening SLEDAI-2K ${show(s.SCRSLED)}: ${show(s.STRATUM)}${s.STRATDFL === 'Y' ? ` (randomized as ${s.RANDSTR}: deviation)` : ''}`,
  );
  line(`  End of study: ${s.EOSSTT}${s.DCSREAS ? ` (${s.DCSREAS})` : ''} ${show(s.EOSDT)}`);

  line();
  line('SLEDAI-2K totals (missing when any descriptor is missing or NOT DONE)');
  for (const r of d.sledai.filter((x) => x.USUBJID === usubjid))
    line(
      `  ${r.VISIT.padEnd(18)} ${r.ADT} day ${show(r.ADY).padStart(4)}  total ${show(r.AVAL).padStart(3)}` +
        `${r.ABLFL === 'Y' ? '  [baseline]' : ''}${r.CHG !== null ? `  change ${r.CHG}` : ''}` +
        `${r.MISSDESC.length ? `  missing: ${r.MISSDESC.join(',')}` : ''}  <- ${refs(r.src)}`,
    );

  line();
  line('BILAG-2004 grades and new A / new B versus baseline');
  const grades = d.bilagGrades.filter((x) => x.USUBJID === usubjid);
  const visits = [...new Set(grades.map((g) => g.VISITNUM))].sort((a, b) => a - b);
  for (const v of visits) {
    const g = grades.filter((x) => x.VISITNUM === v);
    const nv = d.bilagVisits.find((x) => x.USUBJID === usubjid && x.VISITNUM === v);
    const first = g[0]!;
    line(
      `  ${first.VISIT.padEnd(18)} ${first.ADT}  ${g.map((x) => `${x.PARAMCD.slice(3)}=${x.AVALC ?? '.'}`).join(' ')}` +
        `${first.ABLFL === 'Y' || g.some((x) => x.ABLFL === 'Y') ? '  [baseline]' : ''}` +
        `${nv ? `  new A ${show(nv.NEWA)}, new B ${show(nv.NEWB)}${nv.MISSREAS ? ` (${nv.MISSREAS})` : ''}` : ''}  <- ${refs(g.map((x) => x.src))}`,
    );
  }

  line();
  line('PGA (changes in hundredths)');
  for (const r of d.pga.filter((x) => x.USUBJID === usubjid))
    line(
      `  ${r.VISIT.padEnd(18)} ${r.ADT}  ${show(r.AVAL)}${r.ABLFL === 'Y' ? '  [baseline]' : ''}` +
        `${r.CHGH !== null ? `  change ${r.CHGH}/100` : ''}  <- ${refs(r.src)}`,
    );

  line();
  line('Systemic corticosteroids (prednisone-equivalent mg/day)');
  for (const r of d.steroid.records.filter((x) => x.USUBJID === usubjid))
    line(
      `  ${r.CMDECOD} ${r.CMDOSE} mg ${r.CMDOSFRQ} ${r.CMROUTE} x${r.PEFACTOR} = ${r.PEDOSE} mg/day, days ${show(r.ASTDY)} to ${show(r.AENDY)}` +
        `${r.ASTDTF ? ` (start imputed ${r.ASTDTF})` : ''}${r.AENDTF ? ` (end imputed ${r.AENDTF})` : ''}${r.AENRFFL ? ' (to RFENDTC)' : ''}  <- ${refs([r.src])}`,
    );
  const sri = d.sri4.find((x) => x.USUBJID === usubjid);
  const profile = d.steroid.profiles.get(usubjid);
  if (sri && profile && sri.CSWINSDY !== null && sri.CSWINEDY !== null) {
    const days: string[] = [];
    for (let day = sri.CSWINSDY; day <= sri.CSWINEDY; day++) days.push(`${day}:${show(doseOnDay(profile, day))}`);
    line(`  Week 20-24 window, days ${sri.CSWINSDY}-${sri.CSWINEDY}: ${days.join(' ')}`);
  }

  line();
  if (!sri) line('SRI-4 at Week 24: not in the FAS');
  else {
    line(
      `SRI-4 at Week 24: ${sri.SRI4FL === 'Y' ? 'RESPONDER' : 'NON-RESPONDER'}${sri.NRREAS ? ` (${sri.NRREAS})` : ''}`,
    );
    line(
      `  Week 20 visit ${show(sri.W20DT)}, Week 24 visit ${show(sri.W24DT)}, withdrawn before Week 24: ${sri.WDBFW24}`,
    );
    line(
      `  SLEDAI-2K  ${sri.SLEDSTAT.padEnd(8)} baseline ${show(sri.SLEDBASE)}, Week 24 ${show(sri.SLEDAVAL)}, change ${show(sri.SLEDCHG)} (needs <= -4)`,
    );
    line(
      `  BILAG      ${sri.BLGSTAT.padEnd(8)} new A ${show(sri.BLGNEWA)}, new B ${show(sri.BLGNEWB)} (needs 0 A and <= 1 B)`,
    );
    line(
      `  PGA        ${sri.PGASTAT.padEnd(8)} baseline ${show(sri.PGABASEH)}/100, Week 24 ${show(sri.PGAAVALH)}/100, change ${show(sri.PGACHGH)}/100 (needs < 30)`,
    );
    line(
      `  Steroids   ${sri.CSSTAT.padEnd(8)} highest daily dose in the window ${show(sri.CSMAXDOS)} mg (needs <= 10)`,
    );
  }
  if (flares) out.push('', ...explainFlares(flares, usubjid));
  return `${out.join('\n')}\n`;
}

/** The flare block: each post-baseline BILAG assessment with its domain transitions, the windows, TTFLARE. */
export function explainFlares(f: FlareDerivations, usubjid: string): string[] {
  const out = [
    'BILAG-2004 flares (each domain vs its most recent earlier grade: severe A<-B..E, moderate B<-C..E, mild C<-D..E)',
  ];
  const transitions = f.transitions.filter((t) => t.USUBJID === usubjid);
  for (const a of f.assessments.filter((x) => x.USUBJID === usubjid)) {
    const own = transitions.filter((t) => t.VISITNUM === a.VISITNUM);
    const kinds = [
      a.RENFL === 'Y' ? 'renal' : '',
      a.NRENFL === 'Y' ? 'non-renal' : '',
      a.SEVFL === 'Y' ? 'severe' : '',
    ].filter(Boolean);
    out.push(
      `  ${a.VISIT.padEnd(18)} ${a.ADT} day ${show(a.ADY).padStart(4)}  ${a.FLAREFL === 'Y' ? `FLARE (${kinds.join(', ')})` : 'no flare'}` +
        `${own.length ? `  ${own.map((t) => `${t.PARAMCD.slice(3)} ${t.PREVC}->${t.AVALC} ${t.FLRSEV.toLowerCase()}`).join('; ')}` : ''}` +
        `  <- ${refs(own.length ? own.map((t) => t.src) : a.src)}`,
    );
  }
  for (const w of f.windows.filter((x) => x.USUBJID === usubjid))
    out.push(
      `  At or before ${w.window}: cut-off day ${w.cutoffDay} (${w.cutoffSource === 'VISIT' ? 'visit date' : 'no visit: 7 x weeks'}), ` +
        `${w.assessments} assessments, ${w.daysAtRisk} days at risk; events FLARE ${w.events.FLARE}, renal ${w.events.FLARE_RENAL}, ` +
        `non-renal ${w.events.FLARE_NONRENAL}, severe ${w.events.FLARE_SEVERE}`,
    );
  for (const t of f.tte.filter((x) => x.USUBJID === usubjid))
    out.push(`  ${t.PARAMCD}: ${t.AVAL} days, ${t.CNSR === 0 ? 'event' : 'censored'} (${t.EVNTDESC}) on ${t.ADT}`);
  return out;
}
