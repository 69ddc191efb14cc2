using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Packs;
using StrategyLint.Packs.Kinds;
using StrategyLint.Profiles;

namespace StrategyLint.Rules.FocusAreas;

/// <summary>A focus area is covered only thinly: no section of its own and few mentions.</summary>
internal sealed class SL2010ThinFocusArea : StrategyRule
{
    /// <summary>Counted mentions below which a focus area without its own section is thin.</summary>
    public const int ThinThreshold = 4;

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL2010",
        title: "A focus area is only mentioned in passing",
        messageFormat: "The focus area '{0}' has no section of its own and only {1} passing mention(s), fewer than {2}. A focus area the strategy commits to deserves its own section with objectives and actions ({3}). To satisfy this rule, give it a section, or switch this rule off if the thin coverage is deliberate.",
        category: RuleCategories.FocusAreas,
        defaultSeverity: DiagnosticSeverity.Info,
        description: "The ITU NCS Guide's seven focus areas are each a set of good-practice elements. A focus area the draft touches only in a few sentences, with no section of its own, is likely under-developed even when it is not missing (the SL2001-SL2007 rules report it missing).",
        tags: ["focus-area", "itu"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override IReadOnlyCollection<string>? Profiles => [StrategyProfiles.NationalCybersecurityStrategy];

    public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        foreach (var area in PackLoader.BuiltIn.Where(r => r.Descriptor.Category == RuleCategories.FocusAreas && r.Kind is RequireTopicKind))
        {
            var coverage = RequireTopicKind.Evaluate(area, context.Document);
            if (coverage.Covered && coverage.Headings.Count == 0 && coverage.Counted.Count < ThinThreshold)
            {
                var name = area.Definition.Title.Replace("Focus area missing: ", "", StringComparison.Ordinal);
                context.Report(Rule, context.Document.AnchorSpan, new Dictionary<string, string> { ["focusArea"] = area.Definition.Id, [CoverageTopic.ThinProperty] = area.Definition.Id },
                    name, coverage.Counted.Count, ThinThreshold, area.Definition.Framework);
            }
        }
    }
}
