using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;

namespace StrategyLint.Rules.Structure;

/// <summary>A heading is more than one level deeper than the heading before it (## then ####).</summary>
internal sealed class SL1002HeadingLevelSkipped : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL1002",
        title: "Heading levels should increase one step at a time",
        messageFormat: "The heading '{0}' is level {1} but follows a level-{2} heading, so the outline skips a level. Make it level {3} ('{4} {0}') or add the missing level-{3} section above it.",
        category: RuleCategories.Structure,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "A skipped level breaks the outline: tables of contents, screen readers and StrategyLint's own section tree read a level-4 heading under a level-2 one as misplaced. Each heading should be at most one level deeper than the one before it.",
        tags: ["headings", "outline"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var previousLevel = 0;
        foreach (var section in context.Document.Sections)
        {
            // The first heading is SL1001's business, not a skipped level.
            if (previousLevel > 0 && section.Level > previousLevel + 1)
                context.Report(Rule, section.Heading!, section.Title, section.Level, previousLevel, previousLevel + 1, new string('#', previousLevel + 1));
            previousLevel = section.Level;
        }
    }
}
