using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Syntax;

namespace StrategyLint.Rules.Structure;

/// <summary>A section has a heading and nothing under it.</summary>
internal sealed partial class SL1003EmptySection : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL1003",
        title: "A section has a heading and nothing under it",
        messageFormat: "The section '{0}' {1}. An empty section reads as an unfinished draft and promises content the strategy does not give. Write its content, or remove the heading.",
        category: RuleCategories.Structure,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "Every heading should introduce content: prose, a list, a table or subsections. An HTML comment (a drafting note) does not count as content, and neither does a placeholder paragraph (one starting 'To be drafted', 'TBD' or 'TODO', such as the sections --fix scaffolds).",
        tags: ["headings", "completeness"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(StrategyAnalysisContext context) => context.RegisterSectionAction(Analyze);

    private static void Analyze(SectionAnalysisContext context)
    {
        var section = context.Section;
        if (section.Subsections.Count > 0)
            return;
        var content = section.Blocks.Where(Placeholders.IsContent).ToList();
        if (content.Count == 0)
            context.Report(Rule, section.Heading!, section.Title, "has a heading but nothing under it");
        else if (content.All(Placeholders.IsPlaceholder))
            context.Report(Rule, section.Heading!, section.Title, "holds only a placeholder ('To be drafted', 'TBD' or 'TODO')");
    }
}
