using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Text;

namespace StrategyLint.Rules.Clauses;

/// <summary>An action plan exists, but its actions name no owner, no timeline or no funding.</summary>
internal sealed class SL3007ActionPlanIncomplete : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL3007",
        title: "The action plan names no owner, timeline or funding",
        messageFormat: "The action plan in '{0}' names no {1}. Actions without {1} are hard to deliver and to hold to account (ITU NCS Guide, lifecycle phase IV: responsible stakeholders, timelines and resources). To satisfy this rule, give each action its {1}.",
        category: RuleCategories.Clauses,
        defaultSeverity: DiagnosticSeverity.Info,
        description: "An action plan should say, for every action, who leads it, by when, and with what resources. This rule reports a plan that exists but leaves out one or more of these throughout.",
        tags: ["action-plan", "clause"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var plan = ActionPlanFinder.Find(context.Document);
        if (!plan.Present)
            return;
        var missing = new List<string>();
        if (plan.Owners == 0) missing.Add("owners (lead agencies)");
        if (plan.Timelines == 0) missing.Add("timelines");
        if (plan.Funding == 0) missing.Add("funding");
        if (missing.Count == 0)
            return;
        var anchor = plan.Section!.Heading?.Span ?? context.Document.AnchorSpan;
        var list = missing.Count == 1 ? missing[0] : string.Join(", ", missing.Take(missing.Count - 1)) + " or " + missing[^1];
        // The coverage matrix shows the action plan as thin rather than covered.
        context.Report(Rule, anchor, new Dictionary<string, string> { [CoverageTopic.ThinProperty] = SL3006ActionPlanMissing.Rule.Id }, plan.Name, list);
    }
}
