/**
 * The data-quality report shared by the importer and the bar validator. Every problem is data
 * (never an exception) and names the file line (when known) and the bar row.
 */

/** What went wrong, as a stable code (the message says it for humans). */
export type IssueCode =
  | 'no-header'
  | 'missing-column'
  | 'no-data'
  | 'field-count'
  | 'bad-number'
  | 'bad-time'
  | 'non-positive-price'
  | 'high-below-open-close'
  | 'low-above-open-close'
  | 'duplicate-time'
  | 'time-not-increasing'
  | 'gap'
  | 'weekend-gaps'
  | 'flat-bars'
  | 'blank-lines'
  | 'ignored-columns'
  | 'time-unit'
  | 'timeframe'
  | 'more-not-listed'

/** One finding. `line` is the 1-based file line; `row` the 0-based index into the parsed bars. */
export interface Issue {
  readonly code: IssueCode
  readonly message: string
  readonly line: number | null
  readonly row: number | null
}

/** Everything the importer or validator found, grouped by severity. */
export interface DataReport {
  /** Problems that make the data unusable as is (the first `maxListed` are listed). */
  readonly errors: Issue[]
  /** Suspicious but usable (e.g. gaps longer than the timeframe that are not weekends). */
  readonly warnings: Issue[]
  /** Rows dropped in `skipBadRows` mode: every one is listed, with why. */
  readonly skipped: Issue[]
  /** Normal facts worth knowing (weekend gaps, flat bars, ignored columns, time unit). */
  readonly info: Issue[]
  /** Totals, including issues beyond the listed ones, by code. */
  readonly counts: Partial<Record<IssueCode, number>>
}

/** @internal A report under construction, with per-list caps. */
export class ReportBuilder {
  readonly errors: Issue[] = []
  readonly warnings: Issue[] = []
  readonly skipped: Issue[] = []
  readonly info: Issue[] = []
  readonly counts: Partial<Record<IssueCode, number>> = {}
  errorCount = 0
  warningCount = 0

  constructor(private readonly maxListed: number) {}

  private count(code: IssueCode): void {
    this.counts[code] = (this.counts[code] ?? 0) + 1
  }

  /** Adds an error; `always` lists it even past the cap (for the verdict of a whole file). */
  error(issue: Issue, always = false): void {
    this.count(issue.code)
    if (this.errorCount++ < this.maxListed || always) this.errors.push(issue)
  }

  warning(issue: Issue): void {
    this.count(issue.code)
    if (this.warningCount++ < this.maxListed) this.warnings.push(issue)
  }

  skip(issue: Issue): void {
    this.count(issue.code)
    this.skipped.push(issue)
  }

  note(issue: Issue): void {
    this.count(issue.code)
    this.info.push(issue)
  }

  /** Closes the lists, adding a "N more not listed" entry where a cap was hit. */
  build(): DataReport {
    const more = (n: number, shown: number, what: string): Issue => ({
      code: 'more-not-listed',
      message: `${n.toLocaleString('en-US')} more ${what} not listed (${shown.toLocaleString('en-US')} shown)`,
      line: null,
      row: null,
    })
    const errorsShown = this.errors.length
    if (this.errorCount > errorsShown) {
      this.errors.push(more(this.errorCount - errorsShown, errorsShown, 'errors'))
    }
    const warningsShown = this.warnings.length
    if (this.warningCount > warningsShown) {
      this.warnings.push(more(this.warningCount - warningsShown, warningsShown, 'warnings'))
    }
    return {
      errors: this.errors,
      warnings: this.warnings,
      skipped: this.skipped,
      info: this.info,
      counts: this.counts,
    }
  }
}
