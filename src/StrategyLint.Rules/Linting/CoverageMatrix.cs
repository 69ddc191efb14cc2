using StrategyLint.Analysis;

namespace StrategyLint.Linting;

/// <summary>What a cell of the coverage matrix says about one topic in one file.</summary>
internal enum CoverageState
{
    /// <summary>The rule did not run on this file (another profile, switched off, or the file was unreadable).</summary>
    NotChecked,
    Covered,
    Thin,
    Missing,
}

/// <summary>
/// One cell: the state, whether the finding behind it was suppressed (the team accepted the gap), and for a cell not
/// checked for a reason the reader should know (the draft's language has no vocabulary), that reason.
/// </summary>
internal readonly record struct CoverageCell(CoverageState State, bool Suppressed, string? Reason = null);

/// <summary>A file's row of the matrix.</summary>
internal sealed record CoverageRow(string Path, string? Profile, IReadOnlyList<CoverageCell> Cells);

/// <summary>A column: the topic, and the rule category it belongs to (focus areas, clauses…).</summary>
internal sealed record CoverageColumn(CoverageTopic Topic, string Category);

/// <summary>
/// Focus areas and clauses × files: covered, thin or missing. Built from a run's findings and the rules each
/// file was checked against, so it never disagrees with the findings. Columns no file was checked against are left out.
/// </summary>
internal sealed class CoverageMatrix
{
    private CoverageMatrix(IReadOnlyList<CoverageColumn> columns, IReadOnlyList<CoverageRow> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<CoverageColumn> Columns { get; }

    public IReadOnlyList<CoverageRow> Rows { get; }

    public bool IsEmpty => Columns.Count == 0 || Rows.Count == 0;

    public static CoverageMatrix Build(LintResult result, RuleCatalog catalog)
    {
        var topics = catalog.Rules
            .Select(r => r.Coverage)
            .OfType<CoverageTopic>()
            .Where(t => catalog.Find(t.DiagnosticId) is not null)
            .OrderBy(t => t.DiagnosticId, StringComparer.Ordinal)
            .ToList();
        var files = result.Files.Where(f => !f.Skipped).ToList();
        var columns = topics
            .Where(t => files.Any(f => f.CheckedRules.Contains(t.DiagnosticId) || f.NotChecked.ContainsKey(t.DiagnosticId)))
            .Select(t => new CoverageColumn(t, catalog.Find(t.DiagnosticId)!.Category))
            .ToList();

        var rows = files.Select(file => new CoverageRow(
            file.File.DisplayPath,
            file.Profile?.Name,
            [.. columns.Select(column => CellOf(file, column.Topic.DiagnosticId))])).ToList();
        return new CoverageMatrix(columns, rows);
    }

    private static CoverageCell CellOf(FileResult file, string id)
    {
        if (!file.CheckedRules.Contains(id))
            return new CoverageCell(CoverageState.NotChecked, false, file.NotChecked.GetValueOrDefault(id));
        var missing = file.Findings.Where(f => f.Id == id).ToList();
        if (missing.Count > 0)
            return new CoverageCell(CoverageState.Missing, missing.All(f => f.IsSuppressed));
        var thin = file.Findings.Where(f => f.Properties is { } p && p.TryGetValue(CoverageTopic.ThinProperty, out var of) && of == id).ToList();
        if (thin.Count > 0)
            return new CoverageCell(CoverageState.Thin, thin.All(f => f.IsSuppressed));
        return new CoverageCell(CoverageState.Covered, false);
    }

    /// <summary>How many files are in each state for a column (for summaries).</summary>
    public int Count(int column, CoverageState state) => Rows.Count(r => r.Cells[column].State == state);
}
