using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace StrategyLint.Rules.Tool;

/// <summary>A rule threw on a document. Reported by the runner; the run goes on.</summary>
internal sealed class SL0004RuleFailed : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL0004",
        title: "A rule failed on this document",
        messageFormat: "Rule {0} failed on this document ({1}: {2}). Its findings for this file may be incomplete; the other rules still ran. {3}",
        category: RuleCategories.Tool,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A rule raised an unexpected error while analysing a document. The error is contained: the rule is not called again on that document, every other rule and file is still analysed, and the run's exit code reflects this warning like any other.",
        tags: ["engine"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    // Reported by RuleRunner when an action throws; nothing to register.
    public override void Initialize(StrategyAnalysisContext context)
    {
    }
}
