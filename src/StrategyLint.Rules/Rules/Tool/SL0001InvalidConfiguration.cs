using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace StrategyLint.Rules.Tool;

/// <summary>The configuration (or a document's front matter settings) is invalid. Reported by the config loader, not by an action.</summary>
internal sealed class SL0001InvalidConfiguration : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL0001",
        title: "The configuration is invalid",
        messageFormat: "{0}",
        category: RuleCategories.Tool,
        defaultSeverity: DiagnosticSeverity.Error,
        description: "strategylint.json, a rule pack or a document's front matter could not be read or does not follow the published schema. The message names the file, the line and the JSON path, and says what is expected there.",
        tags: ["configuration"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    // Reported by ConfigLoader and the front matter reader; nothing to register.
    public override void Initialize(StrategyAnalysisContext context)
    {
    }
}
