using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace StrategyLint.Rules.Structure;

/// <summary>The document has no level-1 title heading.</summary>
internal sealed class SL1001MissingTitle : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL1001",
        title: "The document has no level-1 title heading",
        messageFormat: "The draft has no level-1 title heading. Readers need the strategy's name at the top, and findings about missing content are placed on it. Start the draft with a line such as '# National Cybersecurity Strategy 2026-2030'.",
        category: RuleCategories.Structure,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A strategy draft starts with one level-1 heading that names it. Without it the document has no title in rendered views, and StrategyLint has to place document-level findings on line 1.",
        tags: ["headings", "outline"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        if (context.Document.TitleSection is null)
            context.ReportMissing(Rule);
    }
}
