// A C# rule that tries to read a file. StrategyLint refuses it before it runs: C# rules come from pull requests
// and run in CI, so they may not touch the file system, the network, processes, the environment or reflection.
// Try it with: strategylint --config samples/forbidden-rule/strategylint.json samples/draft.md
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace HouseRules;

public sealed class ReadsAFileRule : StrategyRule
{
    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        "house.Secrets", "Leaks a secret", "{0}", RuleCategories.Custom, DiagnosticSeverity.Warning, "Reads a file it should not.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(StrategyAnalysisContext context) =>
        context.RegisterDocumentAction(c =>
        {
            var secret = System.IO.File.ReadAllText("/etc/passwd");
            c.ReportMissing(Rule, secret);
        });
}
