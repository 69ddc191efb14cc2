using StrategyLint.Analysis;
using StrategyLint.Profiles;
using StrategyLint.Syntax;

namespace StrategyLint.Linting;

/// <summary>What linting one file produced.</summary>
internal sealed record FileResult(InputFile File, IReadOnlyList<Finding> Findings, TextFormat? Format, bool Skipped, ProfileChoice? Profile = null);

/// <summary>What a run produced, files in path order, findings in (file, position, id) order.</summary>
internal sealed record LintResult(IReadOnlyList<FileResult> Files)
{
    public IEnumerable<Finding> Findings => Files.SelectMany(f => f.Findings);

    public int Count(RuleSeverity severity) => Findings.Count(f => f.Severity == severity);
}
