import type { DataReport, Issue } from '@tradeloom/runtime'

/** The importer's data-quality report: errors, warnings, skipped rows and plain facts. */
export function QualityReport({ report }: { report: DataReport }) {
  const sections: { title: string; tone: string; issues: readonly Issue[] }[] = [
    { title: 'Errors', tone: 'error', issues: report.errors },
    { title: 'Warnings', tone: 'warning', issues: report.warnings },
    { title: 'Skipped rows', tone: 'warning', issues: report.skipped },
    { title: 'Notes', tone: 'info', issues: report.info },
  ]
  const clean =
    report.errors.length === 0 && report.warnings.length === 0 && report.skipped.length === 0
  return (
    <div className="quality-report" data-testid="quality-report">
      <p className={clean ? 'tone-up' : 'tone-warn'} data-testid="quality-verdict">
        {clean
          ? 'No problems found.'
          : `${report.errors.length} error(s), ${report.warnings.length} warning(s), ${report.skipped.length} skipped row(s).`}
      </p>
      {sections
        .filter((section) => section.issues.length > 0)
        .map((section) => (
          <section key={section.title}>
            <h4>{section.title}</h4>
            <ul>
              {section.issues.map((issue, n) => (
                <li key={n} className={`issue issue--${section.tone}`}>
                  {issue.line !== null && <span className="issue__line">line {issue.line}</span>}
                  {issue.message}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  )
}
