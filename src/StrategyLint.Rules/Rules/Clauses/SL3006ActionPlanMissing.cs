using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StrategyLint.Analysis;
using StrategyLint.Text;

namespace StrategyLint.Rules.Clauses;

/// <summary>No action plan with owners or timelines in this document.</summary>
internal sealed class SL3006ActionPlanMissing : StrategyRule
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        id: "SL3006",
        title: "No action plan with owners or timelines",
        messageFormat: "The draft has no action plan: {0} Without actions tied to lead agencies and dates, nobody is accountable for delivering the strategy (ITU NCS Guide, lifecycle phase IV). To satisfy this rule, add an action plan in this document, for example a table with the columns Action, Lead agency, Timeline and Funding.",
        category: RuleCategories.Clauses,
        defaultSeverity: DiagnosticSeverity.Warning,
        description: "The ITU NCS Guide's implementation phase turns objectives into an action plan: concrete actions with responsible stakeholders, timelines, resources and metrics. A plan counts when this document holds a set of actions with owners or timelines (a table with such columns, or an action or implementation plan section that names lead agencies or dates). A sentence promising a separate plan does not count, because reviewers cannot check what is not there.",
        tags: ["action-plan", "clause"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override CoverageTopic? Coverage => new(Rule.Id, "Action plan");

    public override void Initialize(StrategyAnalysisContext context) => context.RegisterDocumentAction(Analyze);

    private static void Analyze(DocumentAnalysisContext context)
    {
        var plan = ActionPlanFinder.Find(context.Document);
        if (plan.Present)
            return;
        var detail = plan.Section is null
            ? "no section or table sets out actions with lead agencies or dates."
            : $"the section '{plan.Section.Title}' names too few owners or dates ({plan.Owners + plan.Timelines}) to be a plan, or points to a separate document.";
        context.ReportMissing(Rule, detail);
    }
}
