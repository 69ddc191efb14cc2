using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace StrategyLint.Rules.Tool;

/// <summary>A suppression comment that names an unknown rule, suppresses nothing, or lacks a required reason.</summary>
internal sealed class SL0003InvalidSuppression : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL0003",
        title: "A suppression comment is wrong or unused",
        messageFormat: "{0}",
        category: RuleCategories.Tool,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Suppression comments (<!-- strategylint-disable SL2004 -- reason -->) silence findings the drafting team has decided to accept. One that names a rule StrategyLint does not know, or that no longer suppresses anything, hides nothing today but could hide a real problem later; one without a reason, when the configuration requires reasons, leaves reviewers guessing why a finding was accepted.",
        tags: ["suppression"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    // Reported by the linter after the rules have run (src/StrategyLint.Rules/Linting/InlineSuppressions.cs).
    public override void Initialize(StrategyAnalysisContext context)
    {
    }
}
