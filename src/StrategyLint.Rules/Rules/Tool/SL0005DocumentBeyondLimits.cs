using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace StrategyLint.Rules.Tool;

/// <summary>A document is too large or too deeply nested to analyse. Reported by the linter; the file is skipped.</summary>
internal sealed class SL0005DocumentBeyondLimits : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL0005",
        title: "A document is beyond the limits StrategyLint analyses",
        messageFormat: "This file {0} It was skipped; the other files were still linted.",
        category: RuleCategories.Tool,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "StrategyLint bounds the work one document can cause, so a hostile or broken file cannot stop a run: files larger than limits.maxFileSizeMB (default 32) and Markdown nested deeper than limits.maxNestingDepth (default 64 block quotes or list levels) are skipped with this diagnostic, and so is any document the Markdown parser itself refuses. A real strategy is far inside both limits.",
        tags: ["input", "limits"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    // Reported by the linter before or instead of analysis; nothing to register.
    public override void Initialize(StrategyAnalysisContext context)
    {
    }
}
