using StrategyLint.Analysis;
using StrategyLint.Profiles;
using StrategyLint.Syntax;

namespace StrategyLint.Linting;

/// <summary>What linting one file produced.</summary>
internal sealed record FileResult(InputFile File, IReadOnlyList<Finding> Findings, TextFormat? Format, bool Skipped, ProfileChoice? Profile = null)
{
    /// <summary>The ids of the diagnostics checked on this file (its profile's rules that are not off); empty when skipped.</summary>
    public IReadOnlySet<string> CheckedRules { get; init; } = new HashSet<string>();

    /// <summary>The language the document was read in, and why; null when the file was skipped.</summary>
    public DocumentLanguage? Language { get; init; }

    /// <summary>Diagnostic ids that would have been checked but were not, with the reason (the document's language has no vocabulary).</summary>
    public IReadOnlyDictionary<string, string> NotChecked { get; init; } = new Dictionary<string, string>();

    /// <summary>The SHA-256 of the bytes analysed, so --fix can tell a file edited since (null: not analysed, or no finding offers a fix).</summary>
    public byte[]? ContentHash { get; init; }

    /// <summary>The findings that count: not suppressed inline or by a baseline.</summary>
    public IEnumerable<Finding> Reported => Findings.Where(f => !f.IsSuppressed);
}

/// <summary>What a run produced, files in path order, findings in (file, position, id) order.</summary>
internal sealed record LintResult(IReadOnlyList<FileResult> Files)
{
    /// <summary>The rules the run used (built-in plus the config's packs and code rules); null when no rule ran.</summary>
    public RuleCatalog? Catalog { get; init; }

    /// <summary>Every finding, suppressed ones included.</summary>
    public IEnumerable<Finding> Findings => Files.SelectMany(f => f.Findings);

    /// <summary>The findings that count toward the exit code and the summary.</summary>
    public IEnumerable<Finding> Reported => Files.SelectMany(f => f.Reported);

    public int Count(RuleSeverity severity) => Reported.Count(f => f.Severity == severity);
}
